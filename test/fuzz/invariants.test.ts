import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { openSnippetRunner, type RunResult } from "../../sandbox";
import { readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { documentedPayload, seedFor } from "./campaign-setup";
import { mutatedPayload, type Json } from "./mutations";
import { expectedIdentifier } from "./oracle";

/*
 * What the output must mean, whatever the payload: the identifier is the one
 * the settings pick, the time is the payload's, no value is invented, and
 * truncation keeps exactly the first 255 characters.
 */
const RUNS = Number(process.env.FUZZ_INVARIANT_RUNS ?? 100);
const manifest = readManifest();
const perEvent = manifest.filter((snippet) => snippet.events.length === 1);
const usersTrack = perEvent.filter((snippet) => snippet.destination === "POST /users/track");
const withEvents = usersTrack.filter((snippet) => !["regal/contact.attribute.edited", "regal/contact.unsubscribed"].includes(snippet.id));

type Objects = { [key: string]: unknown }[];
type Request = { attributes?: Objects; events?: Objects; items?: Objects };

async function property<T>(snippet: ManifestSnippet, arbitrary: fc.Arbitrary<T>, check: (value: T, result: RunResult) => void, payloadOf: (value: T) => unknown) {
  const runner = await openSnippetRunner(readSnippet(snippet));
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (value) => check(value, await runner.run(payloadOf(value)))),
      { numRuns: RUNS, seed: seedFor(snippet.id) },
    );
  } finally {
    runner.dispose();
  }
}

const identityValue = (valid: string[], invalid: string[]) =>
  fc.option(fc.constantFrom<unknown>(...valid, ...invalid, null, "", " ", "null", 12345), { nil: undefined, freq: 2 });

const identityFields = fc.record({
  userId: identityValue(["u-1", " u-2 "], []),
  external_id: identityValue(["ext-3"], []),
  traitsEmail: identityValue(["a@example.com"], ["not-an-email", "a b@c"]),
  contactEmail: identityValue(["b@example.com"], ["@"]),
  traitsPhone: identityValue(["+17625551796", "(762) 555-1796"], ["+1XXXXXXXXXX", "12"]),
  contactPhone: identityValue(["+15550001111"], ["phone"]),
  propertyPhone: identityValue(["+15550002222"], ["+1XXXXXXXXXX"]),
});

function withIdentity(base: Json, fields: Record<string, unknown>): Record<string, unknown> {
  const payload = structuredClone(base) as Record<string, unknown>;
  for (const key of ["userId", "external_id", "contact_email", "contact_phone"]) delete payload[key];
  const properties = { ...(payload.properties as object) } as Record<string, unknown>;
  for (const key of ["contact_phone", "contactPhone", "contact_number"]) delete properties[key];
  const set = (target: Record<string, unknown>, key: string, value: unknown) => value !== undefined && (target[key] = value);
  const traits: Record<string, unknown> = {};
  set(payload, "userId", fields.userId);
  set(payload, "external_id", fields.external_id);
  set(traits, "email", fields.traitsEmail);
  set(payload, "contact_email", fields.contactEmail);
  set(traits, "phone", fields.traitsPhone);
  set(payload, "contact_phone", fields.contactPhone);
  set(properties, "contact_phone", fields.propertyPhone);
  return { ...payload, traits, properties };
}

const PURE_IDENTIFIERS = ["external_id", "user_alias"];

describe.each(usersTrack.map((snippet) => [snippet.id, snippet] as const))("%s", (_id, snippet) => {
  const base = documentedPayload(snippet.events[0]!);

  test("identifies the user the settings' identifier order picks from the payload", () =>
    property(snippet, identityFields, (fields, result) => {
      const payload = withIdentity(base, fields);
      const expected = expectedIdentifier(payload);
      if (!expected) {
        expect(result.ok ? "ok" : result.error.name).toBe("MissingIdentityError");
        return;
      }
      if (!result.ok) {
        expect(result.error.name, result.error.message).toBe("UnmappedValueError");
        return;
      }
      const request = result.output as Request;
      for (const object of [...(request.attributes ?? []), ...(request.events ?? [])]) {
        const [key] = Object.keys(expected) as [string];
        expect(object[key]).toEqual(expected[key]);
        // email and phone may also be profile attributes; these two only ever identify.
        for (const other of PURE_IDENTIFIERS) if (other !== key) expect(object[other], `${other} beside ${key}`).toBeUndefined();
      }
    }, (fields) => withIdentity(base, fields)));
});

const instant = fc.integer({ min: 978307200, max: 4102444799 });
const encodings = ["seconds-string", "seconds-number", "ms-number", "ms-string", "iso", "iso-offset", "spaced-offset"] as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** One instant written the ways Regal writes timestamps. */
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

describe.each([...withEvents, ...perEvent.filter((s) => s.destination !== "POST /users/track")].map((s) => [s.id, s] as const))("%s", (_id, snippet) => {
  const base = documentedPayload(snippet.events[0]!) as Record<string, unknown>;
  const timed = fc.record({ seconds: instant, encoding: fc.constantFrom(...encodings) });
  const payloadOf = ({ seconds, encoding }: { seconds: number; encoding: (typeof encodings)[number] }) => ({ ...base, originalTimestamp: encode(seconds, encoding) });

  test("writes the event at the payload's time, whatever its encoding", () =>
    property(snippet, timed, ({ seconds }, result) => {
      if (!result.ok) throw new Error(result.error.message);
      const request = result.output as Request;
      const times = [...(request.events ?? []).map((event) => event.time), ...(request.items ?? []).map((item) => item.updated_at)];
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) expect(time).toBe(new Date(seconds * 1000).toISOString());
    }, payloadOf));
});

/** Every string, number and boolean in a JSON value, and the JSON text of each nested value. */
function leaves(value: unknown, found = { texts: new Set<string>(), numbers: new Set<number>(), booleans: new Set<boolean>() }) {
  if (typeof value === "string") found.texts.add(value).add(value.trim());
  else if (typeof value === "number") found.numbers.add(value);
  else if (typeof value === "boolean") found.booleans.add(value);
  else if (value && typeof value === "object") {
    found.texts.add(JSON.stringify(value));
    for (const key of Object.keys(value)) leaves((value as Record<string, unknown>)[key], found);
  }
  return found;
}

/** Values the mapping derives on purpose: names, times, identifiers, flags and truncation lengths. */
const DERIVED_KEYS = /^(name|time|_update_existing_only|external_id|email|phone|user_alias|alias_name|alias_label|subscription_group_id|subscription_state|.*_original_length(_\d+)?)$/;

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

describe.each(usersTrack.map((snippet) => [snippet.id, snippet] as const))("%s", (_id, snippet) => {
  const arbitrary = mutatedPayload(documentedPayload(snippet.events[0]!));

  test("puts no value in the request that the payload does not hold", () =>
    property(snippet, arbitrary, ({ payload }, result) => {
      if (result.ok) expect(invented(result.output, payload)).toEqual([]);
    }, ({ payload }) => payload));
});

const longText = fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\\", '"', "\u0000"), minLength: 256, maxLength: 3000 });

describe.each(withEvents.map((snippet) => [snippet.id, snippet] as const))("%s", (_id, snippet) => {
  const base = documentedPayload(snippet.events[0]!) as Record<string, unknown>;
  const arbitrary = fc.record({ key: fc.constantFrom("notes", "transcript", "summary_text"), text: longText });
  const payloadOf = ({ key, text }: { key: string; text: string }) => ({ ...base, properties: { ...(base.properties as object), [key]: text } });

  test("truncates a long string to exactly its first 255 characters, its length beside it", () =>
    property(snippet, arbitrary, ({ key, text }, result) => {
      if (!result.ok) throw new Error(result.error.message);
      const event = (result.output as Request).events![0]!;
      const properties = event.properties as Record<string, unknown>;
      const splitsPair = /[\ud800-\udbff]/.test(text.charAt(254));
      expect(properties[key]).toBe(text.slice(0, splitsPair ? 254 : 255));
      expect(properties[`${key}_original_length`]).toBe(text.length);
    }, payloadOf));
});
