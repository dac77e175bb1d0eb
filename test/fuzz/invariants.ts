import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSnippetRunner, type RunResult, type SnippetRunner } from "../../sandbox";
import { readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { identityFields, payloadPath, read, type Envelope } from "./envelope";
import { applyAll, envelopeProbes, mutatedPayload, type Json, type Mutation, type Path } from "./mutations";
import { expectedIdentifier } from "./oracle";
import { casesAt, fullStrength } from "./strength";
import { clearsAttributes, documentedPayload, isOff, mappingOf, seedFor, snippetEnvelope, writes, type SnippetMapping, type ValueSource } from "./subjects";

/*
 * What the output must mean, whatever the payload: the identifier is the one
 * the settings pick, the time is the payload's, no value is invented,
 * unknown never clears an attribute, and truncation keeps exactly the first
 * 255 characters. Each runs on the per-event snippets that write what it
 * checks on their documented payload. What a mapping derives on purpose
 * (literals, the event's time, the source's documented normalisations) is
 * not invented; what it deliberately does not write (an event off in the
 * settings, a webhook the source refuses, a rule that applies to no such
 * webhook) must be refused with NotWrittenError, and only then.
 */
const RUNS = Number(process.env.FUZZ_INVARIANT_RUNS ?? 100);

type Objects = { [key: string]: unknown }[];
type Request = { attributes?: Objects; events?: Objects; items?: Objects };

/** Cases built from the snippet's documented payload and its event's envelope oracle, each holding the payload to run. */
type Cases<T> = (base: Json, envelope: Envelope) => fc.Arbitrary<T & { payload: unknown }>;

/** A snippet under test: its envelope, its cases per property, and one warm runner its properties share, as the many payloads of one property do. */
interface Subject {
  readonly snippet: ManifestSnippet;
  readonly runs: number;
  readonly envelope: Envelope;
  readonly runner: () => SnippetRunner;
}

async function property<T>({ snippet, runs, envelope, runner }: Subject, cases: Cases<T>, check: (value: T & { payload: unknown }, result: RunResult) => void) {
  const arbitrary = cases(documentedPayload(snippet.source, snippet.events[0]!), envelope);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => check(value, await runner().run(value.payload))),
    { numRuns: runs, seed: seedFor(snippet.id) },
  );
}

/**
 * The documented payload with every identifier field of the oracle emptied,
 * then some given a sample value; and some of the fields the oracle says
 * decide whether a field names the user, or whether the webhook is refused,
 * given one of their probes.
 */
function identityCases(snippet: ManifestSnippet): Cases<{ expected: Record<string, unknown> | undefined; refused: boolean }> {
  return (base, envelope) => {
    // The identifier fields' probes come first.
    const probes = envelopeProbes(envelope);
    const identifiers = probes.slice(0, identityFields(envelope).length);
    // A refusing value at one field refuses the whole webhook: tried in one case in four, so most cases still test identity.
    const values = probes.map(({ values, refusal }) =>
      refusal
        ? fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...values) })
        : fc.option(fc.constantFrom(...values), { nil: undefined, freq: 2 }),
    );
    return fc.tuple(...values).map((chosen) => {
      const mutations: Mutation[] = identifiers.map(({ path }) => ({ op: "remove", path }));
      probes.forEach(({ path }, i) => chosen[i] !== undefined && mutations.push({ op: "put", path, value: chosen[i]! }));
      const payload = applyAll(base, mutations);
      return { payload, expected: expectedIdentifier(snippet.source, envelope, payload), refused: envelope.refuses?.(payload) ?? false };
    });
  };
}

/**
 * Whether the mapping may write nothing for this payload, so that a
 * NotWrittenError is its deliberate outcome: every Braze event it writes
 * has a condition, none of which holds on the payload as sent (a condition
 * on text may hold only once the source has normalised it, so only one on
 * another literal counts as holding), and no attribute is a literal or the
 * event's time (which are always written).
 */
function mayWriteNothing(mapping: SnippetMapping | undefined, envelope: Envelope, payload: unknown): boolean {
  const rules = mapping?.brazeEvents;
  if (!rules || rules.some((rule) => rule.when === undefined)) return false;
  const holds = (when: Record<string, unknown>) =>
    Object.keys(when).every((path) => typeof when[path] !== "string" && read(payload, payloadPath(envelope, path)) === when[path]);
  if (rules.some((rule) => holds(rule.when!))) return false;
  return !Object.values(mapping.attributes ?? {}).some((source) => typeof source === "object" && ("value" in source || "eventTime" in source));
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

/** What the mapping writes that no payload field holds: its literals, and the names of the values it sets to the event's time. */
function mappingDerived(mapping: SnippetMapping | undefined): { literals: unknown[]; timeKeys: Set<string> } {
  const sources = Object.entries({ ...mapping?.properties, ...mapping?.attributes }) as [string, ValueSource][];
  return {
    literals: sources.flatMap(([, source]) => (typeof source === "object" && "value" in source ? [source.value] : [])),
    timeKeys: new Set(sources.flatMap(([name, source]) => (typeof source === "object" && "eventTime" in source ? [name] : []))),
  };
}

/** Values in the output that neither the payload nor the mapping's and the source's derivations hold. */
function invented(output: unknown, payload: unknown, derived: { literals: readonly unknown[]; timeKeys: ReadonlySet<string> } = { literals: [], timeKeys: new Set() }): string[] {
  const known = leaves(payload);
  leaves(derived.literals, known);
  const texts = [...known.texts];
  // Only a truncated string (255 characters, or 254 where a pair was not split) can be a proper prefix.
  const fromPayload = (value: string) => known.texts.has(value) || (value.length >= 254 && texts.some((text) => text.startsWith(value)));
  const problems: string[] = [];
  const visit = (value: unknown, path: string, key: string) => {
    if (DERIVED_KEYS.test(key) || derived.timeKeys.has(key)) return;
    if (typeof value === "string" && !fromPayload(value)) problems.push(`${path}: ${JSON.stringify(value).slice(0, 80)}`);
    if (typeof value === "number" && !known.numbers.has(value) && !known.texts.has(String(value))) problems.push(`${path}: ${value}`);
    if (typeof value === "boolean" && !known.booleans.has(value) && !known.texts.has(String(value))) problems.push(`${path}: ${value}`);
    if (value && typeof value === "object") for (const child of Object.keys(value)) visit((value as Record<string, unknown>)[child], `${path}.${child}`, child);
  };
  visit(output, "", "");
  return problems;
}

const mutated: Cases<{ mutations: Mutation[] }> = (base, envelope) => mutatedPayload(base, envelope);

const longText = fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "\\", '"', "\u0000"), minLength: 256, maxLength: 3000 });

/** Where a long string goes in the payload, and the event property that must carry it. */
type LongTarget = { path: Path; key: string };

/**
 * Where the snippet carries a payload string as an event property: free
 * properties (no `properties` table) anywhere under the envelope's fields;
 * a table only at the text fields it reads that the documented payload
 * holds as text (not an enumeration, digit id or list the source
 * normalises, not a value it derives).
 */
function longTargets(mapping: SnippetMapping | undefined, envelope: Envelope, base: Json): LongTarget[] {
  const fields = envelope.fields ?? envelope.properties;
  if (!mapping?.properties) return ["notes", "summary", "long text"].map((key) => ({ path: [...fields, key], key }));
  const notText = (envelope.notText ?? []).map((path) => JSON.stringify(path));
  return Object.entries(mapping.properties).flatMap(([key, source]) => {
    if (typeof source !== "string") return [];
    const path = payloadPath(envelope, source);
    return typeof read(base, path) === "string" && !notText.includes(JSON.stringify(path)) ? [{ path, key }] : [];
  });
}

/** The documented payload with one long string at one of `targets`. */
const long = (targets: readonly LongTarget[]): Cases<{ key: string; text: string }> => (base) =>
  fc.record({ target: fc.constantFrom(...targets), text: longText }).map(({ target, text }) => ({
    key: target.key,
    text,
    payload: applyAll(base, [{ op: "put", path: target.path, value: text }]),
  }));

/**
 * The invariants for the manifest's snippets `include` selects, each on the
 * per-event snippets that write what it checks: one suite per snippet, its
 * runner opened once for all of them; the first snippet of each shape at
 * full strength, the others at a reduced count (./strength.ts).
 */
export async function describeInvariants(include: (snippet: ManifestSnippet, index: number) => boolean): Promise<void> {
  const full = fullStrength(readManifest());
  const perEvent = readManifest().filter((snippet, index) => include(snippet, index) && snippet.events.length === 1);
  const envelopes = new Map(await Promise.all(perEvent.map(async (snippet) => [snippet, await snippetEnvelope(snippet)] as const)));
  const off = perEvent.filter(isOff);
  const on = perEvent.filter((snippet) => !off.includes(snippet));
  const usersTrack = on.filter((snippet) => snippet.destination === "POST /users/track");
  const written = new Map(on.map((snippet) => [snippet, writes(snippet)]));
  const writing = (...lists: string[]) => on.filter((snippet) => lists.some((list) => written.get(snippet)!.has(list)));
  const mappings = new Map(on.map((snippet) => [snippet, mappingOf(snippet)]));
  // A deletion names only the item: it has no time to carry.
  const dated = writing("events", "items").filter((snippet) => !snippet.destination.startsWith("DELETE "));
  // Unknown (missing, null, "null") must not clear what Braze knows: only an event reporting a removal may write null.
  const neverClearing = writing("attributes").filter((snippet) => !clearsAttributes(snippet));
  const withEvents = writing("events");
  const checked = [usersTrack, off, dated, neverClearing, withEvents];

  describe.each(perEvent.filter((snippet) => checked.some((list) => list.includes(snippet))).map((snippet) => [snippet.id, snippet] as const))("%s", (_id, snippet) => {
    let open: SnippetRunner | undefined;
    beforeAll(async () => {
      open = await openSnippetRunner(readSnippet(snippet), { measureMemory: false });
    });
    afterAll(() => open?.dispose());
    const envelope = envelopes.get(snippet)!;
    const subject: Subject = { snippet, runs: casesAt(RUNS, full.get(snippet.id)!), envelope, runner: () => open! };
    const mapping = mappings.get(snippet);
    const derived = mappingDerived(mapping);

    // A webhook the source refuses (it names no customer) must be refused, whatever identifiers it carries.
    if (usersTrack.includes(snippet)) {
      test("identifies the user the settings' identifier order picks from the payload", () =>
        property(subject, identityCases(snippet), ({ expected, refused, payload }, result) => {
          const failed = result.ok ? "ok" : result.error.name;
          if (refused) {
            expect(failed, "a webhook the source refuses").toBe("NotWrittenError");
            return;
          }
          if (!expected) {
            expect(failed).toBe("MissingIdentityError");
            return;
          }
          if (!result.ok) {
            const deliberate = mayWriteNothing(mapping, envelope, payload) ? ["UnmappedValueError", "NotWrittenError"] : ["UnmappedValueError"];
            expect(deliberate, result.error.message).toContain(result.error.name);
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
    }

    if (off.includes(snippet)) {
      test("is off in the settings: refuses every payload deliberately, writing nothing", () =>
        property(subject, mutated, (_value, result) => {
          expect(result.ok ? "ok" : result.error.name).toMatch(/^(NotWrittenError|MisroutedEventError|InvalidPayloadError)$/);
        }));
    }

    if (dated.includes(snippet)) {
      test("writes the event at the payload's time, whatever its encoding", () =>
        property(subject, timed, ({ seconds }, result) => {
          if (!result.ok) throw new Error(result.error.message);
          const request = result.output as Request;
          const iso = new Date(seconds * 1000).toISOString();
          expect((request.events ?? []).length + (request.items ?? []).length).toBeGreaterThan(0);
          for (const event of request.events ?? []) expect(event.time).toBe(iso);
          // What the mapping sets to the event's time (EVENT_TIME) holds that same time.
          for (const object of [...(request.attributes ?? []), ...(request.events ?? []).map((event) => event.properties as Objects[number])]) {
            for (const key of derived.timeKeys) if (object[key] !== undefined) expect(object[key], key).toBe(iso);
          }
          // A catalog names its time field itself; the item must hold the time in one.
          for (const item of request.items ?? []) expect(Object.values(item)).toContain(iso);
        }));
    }

    if (usersTrack.includes(snippet)) {
      test("puts no value in the request that the payload does not hold", () =>
        property(subject, mutated, ({ payload }, result) => {
          const literals = [...derived.literals, ...(envelope.derived?.(payload) ?? [])];
          if (result.ok) expect(invented(result.output, payload, { literals, timeKeys: derived.timeKeys })).toEqual([]);
        }));
    }

    if (neverClearing.includes(snippet)) {
      test("writes no attribute as null", () =>
        property(subject, mutated, (_value, result) => {
          if (!result.ok) return;
          for (const attributes of (result.output as Request).attributes ?? []) {
            expect(Object.keys(attributes).filter((key) => attributes[key] === null)).toEqual([]);
          }
        }));
    }

    if (withEvents.includes(snippet)) {
      const targets = longTargets(mapping, envelope, documentedPayload(snippet.source, snippet.events[0]!));
      const truncates = "truncates a long string to exactly its first 255 characters, its length beside it";
      // A property table may read no payload text (only literals, values the source derives, enumerations): no long string then reaches an event property.
      if (targets.length === 0) {
        const named = Object.keys(mapping?.properties ?? {});
        test(`writes only the properties its table names (${named.join(", ")}), none of them payload text to truncate`, () =>
          property(subject, mutated, (_value, result) => {
            if (!result.ok) return;
            for (const written of (result.output as Request).events ?? []) {
              expect(Object.keys(written.properties as Record<string, unknown>).filter((key) => !named.includes(key))).toEqual([]);
            }
          }));
      } else {
        test(truncates, () =>
          property(subject, long(targets), ({ key, text }, result) => {
            if (!result.ok) throw new Error(result.error.message);
            const carried = envelope.trimsText ? text.trim() : text;
            const splitsPair = /[\ud800-\udbff]/.test(carried.charAt(254));
            const events = (result.output as Request).events!;
            expect(events.length).toBeGreaterThan(0);
            for (const written of events) {
              const properties = written.properties as Record<string, unknown>;
              expect(properties[key]).toBe(carried.length > 255 ? carried.slice(0, splitsPair ? 254 : 255) : carried);
              expect(properties[`${key}_original_length`]).toBe(carried.length > 255 ? carried.length : undefined);
            }
          }));
      }
    }
  });
}
