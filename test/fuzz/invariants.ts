import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { openSnippetRunner, type RunResult } from "../../sandbox";
import type { IdentifierSource } from "../../transforms/lib/settings";
import { readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { envelopeOf, type EnvelopeOracle } from "./envelope";
import { applyAll, IDENTIFIER_SAMPLES, mutatedPayload, NOTHING, type Json, type Mutation } from "./mutations";
import { expectedIdentifier } from "./oracle";
import { clearsAttributes, documentedPayload, seedFor, writes } from "./subjects";

/*
 * What the output must mean, whatever the payload: the identifier is the one
 * the settings pick, the time is the payload's, no value is invented,
 * unknown never clears an attribute, and truncation keeps exactly the first
 * 255 characters. Each runs on the per-event snippets that write what it
 * checks on their documented payload.
 */
const RUNS = Number(process.env.FUZZ_INVARIANT_RUNS ?? 100);

type Objects = { [key: string]: unknown }[];
type Request = { attributes?: Objects; events?: Objects; items?: Objects };

/** Cases built from the snippet's documented payload and its source's envelope oracle, each holding the payload to run. */
type Cases<T> = (base: Json, envelope: EnvelopeOracle) => fc.Arbitrary<T & { payload: unknown }>;

async function property<T>(snippet: ManifestSnippet, cases: Cases<T>, check: (value: T & { payload: unknown }, result: RunResult) => void) {
  const arbitrary = cases(documentedPayload(snippet.source, snippet.events[0]!), await envelopeOf(snippet.source));
  const runner = await openSnippetRunner(readSnippet(snippet));
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => check(value, await runner.run(value.payload))),
      { numRuns: RUNS, seed: seedFor(snippet.id) },
    );
  } finally {
    runner.dispose();
  }
}

/** The documented payload with every identifier field of the oracle emptied, then some given a sample value. */
function identityCases(snippet: ManifestSnippet): Cases<{ expected: Record<string, unknown> | undefined }> {
  return (base, envelope) => {
    const fields = Object.entries(envelope.identity).flatMap(([kind, paths]) => paths.map((path) => ({ kind: kind as IdentifierSource, path })));
    const values = fields.map(({ kind }) => fc.option(fc.constantFrom(...IDENTIFIER_SAMPLES[kind], ...NOTHING), { nil: undefined, freq: 2 }));
    return fc.tuple(...values).map((chosen) => {
      const mutations: Mutation[] = fields.map(({ path }) => ({ op: "remove", path }));
      fields.forEach(({ path }, i) => chosen[i] !== undefined && mutations.push({ op: "put", path, value: chosen[i]! }));
      const payload = applyAll(base, mutations);
      return { payload, expected: expectedIdentifier(snippet.source, envelope, payload) };
    });
  };
}

const PURE_IDENTIFIERS = ["external_id", "user_alias"];

const instant = fc.integer({ min: 978307200, max: 4102444799 });
const encodings = ["seconds-string", "seconds-number", "ms-number", "ms-string", "iso", "iso-offset", "spaced-offset"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** One instant written the ways webhooks write timestamps. */
function encode(seconds: number, encoding: (typeof encodings)[number]): string | number {
  const date = new Date(seconds * 1000);
  const shifted = new Date((seconds - 7 * 3600) * 1000);
  const local = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  switch (encoding) {
    case "seconds-string": return String(seconds);
    case "seconds-number": return seconds;
    case "ms-number": return seconds * 1000;
    case "ms-string": return String(seconds * 1000);
    case "iso": return date.toISOString();
    case "iso-offset": return `${local}T${time}.000-07:00`;
    case "spaced-offset": return `${local} ${time} -07:00`;
  }
}

/** The documented payload, its time field holding one instant in one encoding. */
const timed: Cases<{ seconds: number }> = (base, envelope) =>
  fc.record({ seconds: instant, encoding: fc.constantFrom(...encodings) }).map(({ seconds, encoding }) => ({
    seconds,
    payload: applyAll(base, [{ op: "put", path: envelope.time, value: encode(seconds, encoding) }]),
  }));

/** Every string, number and boolean in a JSON value, and the JSON text of each value (how a value Braze cannot take as it is gets written). */
function leaves(value: unknown, found = { texts: new Set<string>(), numbers: new Set<number>(), booleans: new Set<boolean>() }) {
  if (typeof value === "string") found.texts.add(value).add(value.trim());
  else if (typeof value === "number") found.numbers.add(value);
  else if (typeof value === "boolean") found.booleans.add(value);
  if (typeof value !== "string") found.texts.add(JSON.stringify(value));
  if (value && typeof value === "object") for (const key of Object.keys(value)) leaves((value as Record<string, unknown>)[key], found);
  return found;
}

/** Values the mapping derives on purpose: names, times, identifiers, flags and truncation lengths. */
const DERIVED_KEYS = /^(name|time|_update_existing_only|external_id|email|phone|user_alias|alias_name|alias_label|subscription_group_id|subscription_state|.*_original_length(_\d+)?)$/s;

function invented(output: unknown, payload: unknown): string[] {
  const known = leaves(payload);
  const texts = [...known.texts];
  // Only a truncated string (255 characters, or 254 where a pair was not split) can be a proper prefix.
  const fromPayload = (value: string) => known.texts.has(value) || (value.length >= 254 && texts.some((text) => text.startsWith(value)));
  const problems: string[] = [];
  const visit = (value: unknown, path: string, key: string) => {
    if (DERIVED_KEYS.test(key)) return;
    if (typeof value === "string" && !fromPayload(value)) problems.push(`${path}: ${JSON.stringify(value).slice(0, 80)}`);
    if (typeof value === "number" && !known.numbers.has(value) && !known.texts.has(String(value))) problems.push(`${path}: ${value}`);
    if (typeof value === "boolean" && !known.booleans.has(value) && !known.texts.has(String(value))) problems.push(`${path}: ${value}`);
    if (value && typeof value === "object") for (const child of Object.keys(value)) visit((value as Record<string, unknown>)[child], `${path}.${child}`, child);
  };
  visit(output, "", "");
  return problems;
}

const mutated: Cases<{ mutations: Mutation[] }> = (base, envelope) => mutatedPayload(base, envelope.identity);

const longText = fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\\", '"', "\u0000"), minLength: 256, maxLength: 3000 });

/** The documented payload with one long string among its properties. */
const long: Cases<{ key: string; text: string }> = (base, envelope) =>
  fc.record({ key: fc.constantFrom("notes", "summary", "long text"), text: longText }).map(({ key, text }) => ({
    key,
    text,
    payload: applyAll(base, [{ op: "put", path: [...envelope.properties, key], value: text }]),
  }));

/** The invariants for the manifest's snippets `include` selects, each on the per-event snippets that write what it checks. */
export function describeInvariants(include: (snippet: ManifestSnippet, index: number) => boolean): void {
  const perEvent = readManifest().filter((snippet, index) => include(snippet, index) && snippet.events.length === 1);
  const usersTrack = perEvent.filter((snippet) => snippet.destination === "POST /users/track");
  const written = new Map(perEvent.map((snippet) => [snippet, writes(snippet)]));
  const writing = (...lists: string[]) => perEvent.filter((snippet) => lists.some((list) => written.get(snippet)!.has(list)));
  const byId = (snippets: ManifestSnippet[]) => snippets.map((snippet) => [snippet.id, snippet] as const);

  describe.each(byId(usersTrack))("%s", (_id, snippet) => {
    test("identifies the user the settings' identifier order picks from the payload", () =>
      property(snippet, identityCases(snippet), ({ expected }, result) => {
        if (!expected) {
          expect(result.ok ? "ok" : result.error.name).toBe("MissingIdentityError");
          return;
        }
        if (!result.ok) {
          expect(result.error.name, result.error.message).toBe("UnmappedValueError");
          return;
        }
        const request = result.output as Request;
        const [key] = Object.keys(expected) as [string];
        for (const object of [...(request.attributes ?? []), ...(request.events ?? [])]) {
          expect(object[key]).toEqual(expected[key]);
          // email and phone may also be profile attributes; these two only ever identify.
          for (const other of PURE_IDENTIFIERS) if (other !== key) expect(object[other], `${other} beside ${key}`).toBeUndefined();
        }
      }));
  });

  describe.each(byId(writing("events", "items")))("%s", (_id, snippet) => {
    test("writes the event at the payload's time, whatever its encoding", () =>
      property(snippet, timed, ({ seconds }, result) => {
        if (!result.ok) throw new Error(result.error.message);
        const request = result.output as Request;
        const iso = new Date(seconds * 1000).toISOString();
        expect((request.events ?? []).length + (request.items ?? []).length).toBeGreaterThan(0);
        for (const event of request.events ?? []) expect(event.time).toBe(iso);
        // A catalog names its time field itself; the item must hold the time in one.
        for (const item of request.items ?? []) expect(Object.values(item)).toContain(iso);
      }));
  });

  describe.each(byId(usersTrack))("%s", (_id, snippet) => {
    test("puts no value in the request that the payload does not hold", () =>
      property(snippet, mutated, ({ payload }, result) => {
        if (result.ok) expect(invented(result.output, payload)).toEqual([]);
      }));
  });

  // Unknown (missing, null, "null") must not clear what Braze knows: only an event reporting a removal may write null.
  describe.each(byId(writing("attributes").filter((snippet) => !clearsAttributes(snippet))))("%s", (_id, snippet) => {
    test("writes no attribute as null", () =>
      property(snippet, mutated, (_value, result) => {
        if (!result.ok) return;
        for (const attributes of (result.output as Request).attributes ?? []) {
          expect(Object.keys(attributes).filter((key) => attributes[key] === null)).toEqual([]);
        }
      }));
  });

  describe.each(byId(writing("events")))("%s", (_id, snippet) => {
    test("truncates a long string to exactly its first 255 characters, its length beside it", () =>
      property(snippet, long, ({ key, text }, result) => {
        if (!result.ok) throw new Error(result.error.message);
        const splitsPair = /[\ud800-\udbff]/.test(text.charAt(254));
        for (const event of (result.output as Request).events!) {
          const properties = event.properties as Record<string, unknown>;
          expect(properties[key]).toBe(text.slice(0, splitsPair ? 254 : 255));
          expect(properties[`${key}_original_length`]).toBe(text.length);
        }
      }));
  });
}
