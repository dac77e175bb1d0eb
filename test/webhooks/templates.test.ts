import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/dist";
import { expectGoldenText } from "../support/golden-text";
import { PAIRWISE_DIALECTS } from "../liquid/dialects";
import { connectedResponse, eventFixtures, fixtureContext, profiles, requestOf, shippedWebhooks } from "../support/webhooks";
import { outcomeLine, renderOutcome, type Outcome } from "./outcome";

const webhooks = shippedWebhooks();
const users = profiles();
const events = eventFixtures();
const plainUser = users.find((user) => user.name === "plain")!.value;
const plainEvent = events.find((event) => event.name === "plain")!.value;
const GOLDENS = join(ROOT, "test", "webhooks", "outcomes");

/** A template that reads no event property renders the same for every event: only the plain one is worth rendering. */
const readsEvents = (webhook: (typeof webhooks)[number]) => [webhook.url, webhook.body, ...Object.values(webhook.headers)].some((field) => field.includes("event_properties."));

it("ships at least one template per partner, each listed in the manifest", () => {
  expect(new Set(webhooks.map((webhook) => webhook.partner))).toEqual(new Set(["regal", "rokt", "zendesk"]));
});

describe.each(webhooks.map((webhook) => [webhook.id, webhook] as const))("%s", (id, webhook) => {
  const request = requestOf(id);

  it("sends a valid request for the plain profile, under every pair of readings of Braze's undocumented Liquid", async () => {
    for (const dialect of PAIRWISE_DIALECTS) {
      const outcome = await renderOutcome(webhook, await request, fixtureContext(webhook, plainUser, plainEvent, { dialect }));
      expect(outcomeLine(JSON.stringify(dialect), outcome)).toBe(`${JSON.stringify(dialect)}: sent`);
    }
  });

  it("gives a valid request or a deliberate abort for every profile and event, as its reviewed outcome table says", async () => {
    const lines: string[] = [];
    const refused: string[] = [];
    for (const user of users) {
      for (const event of readsEvents(webhook) ? events : events.filter((candidate) => candidate.name === "plain")) {
        const label = readsEvents(webhook) ? `${user.name} + ${event.name}` : user.name;
        const outcome = await renderOutcome(webhook, await request, fixtureContext(webhook, user.value, event.value));
        if (outcome.kind === "invalid") refused.push(outcomeLine(label, outcome));
        if (outcome.kind === "aborted") expect(outcome.reason, label).toMatch(new RegExp(`^${id}: .+`));
        lines.push(outcomeLine(label, outcome));
      }
    }
    expect(refused).toEqual([]);
    expectGoldenText(join(GOLDENS, `${id}.txt`), `${lines.join("\n")}\n`);
  });

  it("comes to the same outcome for every profile under every pair of readings of Braze's Liquid", async () => {
    const differences: string[] = [];
    for (const user of users) {
      const expected = outcomeLine(user.name, await renderOutcome(webhook, await request, fixtureContext(webhook, user.value, plainEvent)));
      for (const dialect of PAIRWISE_DIALECTS) {
        const outcome: Outcome = await renderOutcome(webhook, await request, fixtureContext(webhook, user.value, plainEvent, { dialect }));
        const line = outcomeLine(user.name, outcome);
        if (outcome.kind === "invalid" || line !== expected) differences.push(`${JSON.stringify(dialect)}: ${line} (default: ${expected})`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("sends, for the plain profile, exactly the reviewed request", async () => {
    const outcome = await renderOutcome(webhook, await request, fixtureContext(webhook, plainUser, plainEvent));
    if (outcome.kind !== "valid") expect.fail(outcomeLine("plain", outcome));
    const { method, url, headers, body } = outcome.sent;
    const text = [`${method} ${url}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), "", body].join("\n");
    expectGoldenText(join(GOLDENS, `${id}.plain-request.txt`), `${text}\n`);
  });

  it("stops with a reason, never sends a broken header, when its credential gives nothing", async () => {
    const broken = fixtureContext(webhook, plainUser, plainEvent, {
      contentBlocks: Object.fromEntries(Object.keys(fixtureContext(webhook, plainUser, plainEvent).contentBlocks ?? {}).map((name) => [name, "  \n"])),
    });
    const withoutToken = { ...broken, connected: Object.fromEntries(Object.keys(broken.connected ?? {}).map((save) => [save, connectedResponse("rokt-token-error")])) };
    const outcome = await renderOutcome(webhook, await request, withoutToken);
    expect(outcome.kind).toBe("aborted");
    if (outcome.kind === "aborted") expect(outcome.field).toBe("headers.Authorization");
  });
});
