import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS, defaultDialect, parseProfile, type Dialect } from "../../liquid";
import type { PartnerRequest } from "../../contract/partners/request";
import { fixtureContext, requestOf, shippedWebhooks, type ShippedWebhook } from "../support/webhooks";
import { givenText, hostileField, hostileSend, oneOffSend, readsOf, sendingSend, textField, type Read, type Send } from "./arbitraries";
import { outcomeLine, renderOutcome, type Outcome } from "./outcome";

/*
 * Every template the manifest lists, rendered on generated profiles and
 * events, each under a generated reading of Braze's Liquid (a dialect). It
 * sends a request its partner accepts, or stops with a reason, whatever the
 * values hold, all of them or just one it needs; it sends whenever the values
 * it needs are valid, whatever the others hold; and it prints every value it
 * is given exactly. Seeded per template and property (FUZZ_SEED changes the
 * base, WEBHOOK_FUZZ_RUNS the renders per property, 300): a failure prints the seed, the shrunk send
 * (profile file, event, the text expected of each printed value) and dialect.
 */
const webhooks = shippedWebhooks();
/** Runs per template and property: a property's renders are shared out among the templates, so more templates do not slow the file down. */
const RUNS = Math.max(10, Math.ceil(Number(process.env.WEBHOOK_FUZZ_RUNS ?? 300) / webhooks.length));
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const dialects = fc.constantFrom(...ALL_DIALECTS);

function seedFor(...names: string[]): number {
  let hash = SEED | 0;
  for (const char of names.join(" ")) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Renders `send` the way templates.test.ts renders the fixtures: their content blocks and Rokt token, the send as the profile file and event. */
async function render(webhook: ShippedWebhook, request: PartnerRequest, send: Send, dialect: Dialect): Promise<Outcome> {
  const user = parseProfile(send.profile, "generated profile").profile;
  return renderOutcome(webhook, request, fixtureContext(webhook, user, send.event, { dialect }));
}

/** The texts of a sent request a value can land in: the body's strings by path, and the URL's path segments as an HTTP client sends them, decoded. */
function textsOf(sent: { url: string; body: string }): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") texts.set(path, value);
    else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
  };
  walk(JSON.parse(sent.body), "body");
  // The URL as parsed, not as rendered: a "." or ".." segment is resolved away before the request is made.
  new URL(sent.url).pathname.split("/").forEach((segment, i) => texts.set(`url path segment ${i}`, decodeURIComponent(segment)));
  return texts;
}

/** A probe's stand-in for a value: its key, between tabs, so that the probe shows whether the template strips the value. */
const marker = (read: Read) => `\t«${read.key}»\t`;
const MARKED = /(\t?)«([^»]+)»(\t?)/;

/**
 * What a text the probe rendered must be for other values: its literal parts
 * and, at each marker, the printed value, stripped where the template stripped
 * the marker's tabs (a name joined from first and last name).
 */
function printing(probed: string): ((printed: Readonly<Record<string, string>>) => string) | undefined {
  const parts = probed.split(new RegExp(MARKED, "g"));
  if (parts.length === 1) return undefined;
  const pieces = parts.flatMap((part, i): ({ text: string } | { key: string; stripped: boolean })[] => {
    if (i % 4 === 0) return [{ text: part }];
    if (i % 4 !== 2) return [];
    if (parts[i - 1] !== parts[i + 1]) throw new Error(`the template stripped one side of ${JSON.stringify(probed)} only`);
    return [{ key: part, stripped: parts[i - 1] === "" }];
  });
  return (printed) =>
    pieces
      .map((piece) => {
        if ("text" in piece) return piece.text;
        const value = printed[piece.key];
        if (value === undefined) throw new Error(`the probe printed «${piece.key}», no value's marker: the template changed a value it printed`);
        return piece.stripped ? value.trim() : value;
      })
      .join("");
}

describe.each(webhooks.map((webhook) => [webhook.id, webhook] as const))("%s", (id, webhook) => {
  const request = requestOf(id);
  const reads = readsOf(webhook);

  /**
   * Sent and accepted, to the URL rendered (an HTTP client would resolve a "." or ".." segment away),
   * or stopped with a reason naming the template: never refused, never a template error or a crash.
   */
  async function expectAcceptedOrStopped(send: Send, dialect: Dialect) {
    const outcome = await render(webhook, await request, send, dialect);
    if (outcome.kind === "invalid") expect.fail(outcomeLine("sent", outcome));
    if (outcome.kind === "aborted") expect(outcome.reason).toMatch(new RegExp(`^${id}: `));
    else expect(new URL(outcome.sent.url).href, "the URL as an HTTP client sends it").toBe(outcome.sent.url);
  }

  it("sends a request its partner accepts or stops with its reason, whatever the profile and event hold", async () => {
    await fc.assert(fc.asyncProperty(hostileSend(reads), dialects, expectAcceptedOrStopped), { numRuns: RUNS, seed: seedFor(id, "hostile") });
  });

  it("sends a request its partner accepts or stops with its reason, whatever one value it needs holds", async () => {
    await fc.assert(fc.asyncProperty(oneOffSend(reads), dialects, expectAcceptedOrStopped), { numRuns: RUNS, seed: seedFor(id, "one off") });
  });

  it("sends whenever the values it needs are valid, whatever the others hold", async () => {
    await fc.assert(
      fc.asyncProperty(sendingSend(reads, givenText, () => hostileField), dialects, async (send, dialect) => {
        const outcome = await render(webhook, await request, send, dialect);
        if (outcome.kind !== "valid") expect.fail(outcomeLine("the valid core", outcome));
      }),
      { numRuns: RUNS, seed: seedFor(id, "sends") },
    );
  });

  it("prints every value it is given exactly, whatever the reading of Braze's Liquid", async () => {
    // Where each value lands, and whether it is stripped: from one render with markers for values.
    const [probe] = fc.sample(sendingSend(reads, (read) => fc.constant(marker(read)), (read) => textField(fc.constant(marker(read)))), { numRuns: 1, seed: seedFor(id, "probe") });
    const probed = await render(webhook, await request, probe!, defaultDialect());
    if (probed.kind !== "valid") expect.fail(outcomeLine("probe", probed));
    const expected = [...textsOf(probed.sent)].flatMap(([path, text]) => {
      const print = printing(text);
      return print === undefined ? [] : [[path, print] as const];
    });
    expect(expected.length, "the probe found no printed value").toBeGreaterThan(0);

    await fc.assert(
      fc.asyncProperty(sendingSend(reads, givenText, (read) => textField(givenText(read))), dialects, async (send, dialect) => {
        const outcome = await render(webhook, await request, send, dialect);
        if (outcome.kind !== "valid") expect.fail(outcomeLine("every value given", outcome));
        const texts = textsOf(outcome.sent);
        for (const [path, print] of expected) expect(texts.get(path), path).toBe(print(send.printed));
      }),
      { numRuns: RUNS, seed: seedFor(id, "prints") },
    );
  });
});
