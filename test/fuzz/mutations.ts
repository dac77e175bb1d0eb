import fc from "fast-check";
import { MAX_ARRAY_ATTRIBUTE_ITEMS, MAX_EVENT_PROPERTIES, MAX_EXTERNAL_ID_BYTES, MAX_STRING_CHARS, OPERATOR_KEYS, RESERVED_PROPERTY_KEYS } from "../../contract/limits";
import type { IdentifierSource } from "../../transforms/lib/settings";
import { identityFields, nothingAt, type Envelope } from "./envelope";

/*
 * Payload mutations derived from a documented payload's own shape: every
 * path in it can be removed, nulled, retyped, renamed or replaced with
 * awkward values, objects can gain unknown fields or hundreds of copies of
 * their own, and the identifier fields can hold values each identity rule
 * refuses. Values and keys include one breaking each rule the contract
 * checks (contract/limits.ts), so a mapping that carries them as they are
 * makes an invalid request. A mutation is data (not a function) so
 * fast-check can shrink a failing list to the few mutations that matter,
 * and their sizes to the smallest that fails, and print them.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Generated at apply time, so a mutation prints as one line and its size shrinks. */
type Filler = "short" | "long" | "object";

export type Mutation =
  | { op: "remove"; path: Path }
  | { op: "set"; path: Path; value: Json }
  | { op: "put"; path: Path; value: Json }
  | { op: "retype"; path: Path; as: "number" | "string" | "iso" | "array" | "object" }
  | { op: "add"; path: Path; key: string; value: Json }
  | { op: "rename"; path: Path; key: string }
  | { op: "widen"; path: Path; count: number }
  | { op: "fill"; path: Path; item: Filler; count: number };

/** Values a field of each kind of identifier may hold: some Braze takes, and some each identity rule refuses. */
export const IDENTIFIER_SAMPLES: Record<IdentifierSource, readonly Json[]> = {
  external_id: [
    "u-1", " u-2 ", 12345, "x".repeat(MAX_EXTERNAL_ID_BYTES), "é".repeat((MAX_EXTERNAL_ID_BYTES - 1) / 2),
    "x".repeat(MAX_EXTERNAL_ID_BYTES + 1), "é".repeat((MAX_EXTERNAL_ID_BYTES + 1) / 2), "😀".repeat(250),
  ],
  email: [
    "a@example.com", " b@mail.example.co.uk ", "not-an-email", "a b@example.com", "Ann <ann@example.com>",
    "a@localhost", "a@b", "@example.com", "a@example.com, b@example.com",
  ],
  phone: ["+17625551796", "(762) 555-1796", 17625551796, "7625551796", "+0123456789", "+1XXXXXXXXXX", "12", "phone"],
  user_alias: ["8447388090494", 8447388090494, " 42 ", "x".repeat(MAX_EXTERNAL_ID_BYTES), "x".repeat(MAX_EXTERNAL_ID_BYTES + 1)],
};

/** What partners send for "no value". */
export const NOTHING: readonly Json[] = [null, "", " ", "null", "undefined"];

const AWKWARD_TEXT: readonly string[] = [
  "",
  " ",
  "null",
  "undefined",
  "x".repeat(MAX_STRING_CHARS),
  "x".repeat(MAX_STRING_CHARS + 1),
  "é".repeat(256),
  "😀".repeat(128),
  "x".repeat(254) + "😀",
  "quote \" and 'single' and `tick`",
  "back\\slash\\",
  "nul\u0000byte",
  "\u202eright-to-left\u202c",
  "<script>alert(1)</script>",
  "{\"json\":\"in a string\"}",
  "$leading dollar",
  "2022-07-15 03:17:50",
  "1657855059",
  ...Object.values(IDENTIFIER_SAMPLES).flat().filter((value): value is string => typeof value === "string"),
];

/**
 * Keys some rule refuses where the mapping puts them: whitespace, "." and
 * "$" (nested custom attributes), a leading "$", over 255 characters,
 * Braze's reserved and operator names, empty; and keys JavaScript treats
 * specially.
 */
const AWKWARD_KEYS: readonly string[] = [
  "with space", " padded ", "tab\there", "line\nbreak", "a.b", ".", "$price", "mid$dle", "$", "$add", "$time",
  "k".repeat(MAX_STRING_CHARS + 1), "é".repeat(MAX_STRING_CHARS + 1),
  ...RESERVED_PROPERTY_KEYS, ...OPERATOR_KEYS, "", "__proto__", "constructor", "toString",
];

const LONG_TEXT = fc.constantFrom("a".repeat(100000), "Lorem ipsum ".repeat(1000), "😀".repeat(50000));

const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: LONG_TEXT },
);

const scalar: fc.Arbitrary<Json> = fc.oneof(
  text,
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e21, -0, 1657855059, 1657855059000),
  fc.integer(),
  // Shrinking a double walks the subnormals one step at a time, each a run: shrink the mutations around it instead.
  fc.noShrink(fc.double({ noNaN: true, noDefaultInfinity: true })),
);

const key = fc.oneof(fc.constantFrom(...AWKWARD_KEYS), fc.string({ maxLength: 12 }));

/** Nesting as deep as 40 levels: deeper than Braze or the policy will take as is. */
const deep: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 1, max: 40 }), scalar)
  .map(([depth, leaf]) => {
    let value: Json = leaf;
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { level: value } : [value];
    return value;
  });

/** Arrays an array attribute may not hold: booleans, null, arrays, beside strings and numbers. */
const MIXED_ARRAYS: readonly Json[] = [[true, null, [1, "a"], "s", 1.5], [false, [[]], null, { k: null }], ["a", true], [null]];

const json: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom<Json>({}, [], [[]], { a: {} }, ...MIXED_ARRAYS) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.dictionary(key, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
);

/**
 * Sizes around each limit: arrays of short strings past the array
 * attribute's item limit, and of 255-character strings or objects past
 * 100 KB of nested JSON (about 400 of them).
 */
const filler = fc.oneof(
  fc.record({ item: fc.constant<Filler>("short"), count: fc.integer({ min: MAX_ARRAY_ATTRIBUTE_ITEMS - 5, max: 60 }) }),
  fc.record({ item: fc.constantFrom<Filler>("long", "object"), count: fc.integer({ min: 300, max: 500 }) }),
);

/** Every path in a JSON value, the root first. */
function pathsOf(value: Json, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((item, index) => pathsOf(item, [...path, index])));
  if (value && typeof value === "object") return here.concat(...Object.keys(value).map((key) => pathsOf(value[key]!, [...path, key])));
  return here;
}

/** Values worth trying at one field; `refusal` for the fields that decide whether the source refuses the webhook. */
export interface FieldProbe {
  readonly path: Path;
  readonly values: readonly Json[];
  readonly refusal?: boolean;
}

/**
 * The values worth trying at the fields an envelope names: first each
 * identifier field, a sample of its kind or nothing; then each condition of
 * a conditional one, its value or another; then each field the source
 * refuses webhooks by, its probes.
 */
export function envelopeProbes(envelope: Pick<Envelope, "identity" | "refusalProbes" | "nothing">): FieldProbe[] {
  const fields = identityFields(envelope as Envelope);
  return [
    ...fields.map(({ kind, path }) => ({ path, values: [...IDENTIFIER_SAMPLES[kind], ...NOTHING, ...nothingAt(envelope, path)] })),
    ...fields.flatMap(({ field }) => ("when" in field ? [{ path: field.when.path, values: conditionValues(field.when.is) }] : [])),
    ...(envelope.refusalProbes ?? []).map((probe) => ({ ...probe, refusal: true })),
  ];
}

/** A condition's value, the same as text, and none. */
function conditionValues(value: Json): Json[] {
  return [value, typeof value === "string" ? ` ${value} ` : JSON.stringify(value), null];
}

/** `envelope` names the fields that may carry each kind of identifier, and others worth probing, where the payload's source puts them. */
function mutationArbitrary(base: Json, envelope: Pick<Envelope, "identity" | "refusalProbes" | "nothing">): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);
  const path = fc.constantFrom(...paths.filter((p) => p.length > 0));
  const objectPath = fc.constantFrom(...paths.filter((p) => isObject(at(base, p))));
  const probes = envelopeProbes(envelope).map(({ path: field, values }) => fc.constantFrom(...values).map((value): Mutation => ({ op: "put", path: field, value })));
  // A source whose webhooks carry no identifier (a catalog's) still gets its share of awkward values at known fields.
  const identityProbes = probes.length > 0 ? probes : [path.map((p): Mutation => ({ op: "set", path: p, value: null }))];
  // Payloads past a limit cost a run several times a light one's (the snippet measures them): rarer, so 1,000 runs stay quick.
  const weighted = (weight: number, arbitrary: fc.Arbitrary<Mutation>) => ({ weight, arbitrary });
  return fc.oneof(
    weighted(6, path.map((p): Mutation => ({ op: "remove", path: p }))),
    weighted(6, path.map((p): Mutation => ({ op: "set", path: p, value: null }))),
    weighted(8, fc.record({ path, value: json }).map(({ path: p, value }): Mutation => ({ op: "set", path: p, value }))),
    weighted(6, fc.record({ path, as: fc.constantFrom("number", "string", "iso", "array", "object") }).map(({ path: p, as }): Mutation => ({ op: "retype", path: p, as }))),
    weighted(6, fc.record({ path: objectPath, key, value: json }).map(({ path: p, key: k, value }): Mutation => ({ op: "add", path: p, key: k, value }))),
    weighted(4, fc.record({ path, key: fc.constantFrom(...AWKWARD_KEYS) }).map(({ path: p, key: k }): Mutation => ({ op: "rename", path: p, key: k }))),
    weighted(6, fc.oneof(...identityProbes)),
    weighted(1, fc.record({ path: objectPath, count: fc.integer({ min: MAX_EVENT_PROPERTIES - 6, max: 300 }) }).map(({ path: p, count }): Mutation => ({ op: "widen", path: p, count }))),
    weighted(1, fc.record({ path, filler }).map(({ path: p, filler: { item, count } }): Mutation => ({ op: "fill", path: p, item, count }))),
  );
}

/** A documented payload with up to eight mutations applied, in order. */
export function mutatedPayload(base: Json, envelope: Pick<Envelope, "identity" | "refusalProbes" | "nothing">): fc.Arbitrary<{ mutations: Mutation[]; payload: unknown }> {
  return fc.array(mutationArbitrary(base, envelope), { maxLength: 8 }).map((mutations) => {
    const payload = applyAll(base, mutations);
    return { mutations, payload, [fc.toStringMethod]: () => `{ mutations: ${readable(mutations)}, payload: ${readable(payload)} }` };
  });
}

/** A value with long strings (keys too), arrays and objects shortened: a failing case's 100 KB values would bury the report. */
function readable(value: unknown): string {
  const shorten = (item: unknown): unknown => {
    if (typeof item === "string") return item.length > 80 ? `${item.slice(0, 40)}… (${item.length} chars)` : item;
    if (Array.isArray(item)) return item.length > 30 ? [...item.slice(0, 5).map(shorten), `… (${item.length} items)`] : item.map(shorten);
    if (typeof item !== "object" || item === null) return item;
    const entries = Object.entries(item).map(([key, child]) => [shorten(key), shorten(child)]);
    return Object.fromEntries(entries.length > 30 ? [...entries.slice(0, 5), ["…", `${entries.length} keys`]] : entries);
  };
  return JSON.stringify(shorten(value));
}

/** `base`, untouched, with `mutations` applied in order to a copy. */
export function applyAll(base: Json, mutations: readonly Mutation[]): Json {
  return mutations.reduce((payload, mutation) => apply(payload, mutation), structuredClone(base));
}

/** Values are cloned as they are placed: fast-check reuses constants, which could otherwise form cycles. */
function apply(root: Json, given: Mutation): Json {
  const mutation = "value" in given ? { ...given, value: structuredClone(given.value) } : given;
  if (mutation.path.length === 0) {
    if (mutation.op === "add" && isObject(root)) define(root, mutation.key, mutation.value);
    if (mutation.op === "widen" && isObject(root)) widen(root, mutation.count);
    return mutation.op === "set" || mutation.op === "put" ? mutation.value : root;
  }
  if (mutation.op === "put") return put(root, mutation.path, mutation.value);
  const parent = at(root, mutation.path.slice(0, -1));
  const key = mutation.path[mutation.path.length - 1]!;
  if (!parent || typeof parent !== "object") return root;
  const container = parent as { [key: string]: Json };
  if (!(String(key) in container)) return root;
  if (mutation.op === "remove") {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (mutation.op === "set") {
    container[key] = mutation.value;
  } else if (mutation.op === "retype") {
    container[key] = retype(container[key]!, mutation.as);
  } else if (mutation.op === "fill") {
    container[key] = fill(mutation.item, mutation.count);
  } else if (mutation.op === "rename") {
    if (isObject(container)) rename(container, String(key), mutation.key);
  } else {
    const target = container[key];
    if (!isObject(target)) return root;
    if (mutation.op === "add") define(target, mutation.key, mutation.value);
    else widen(target, mutation.count);
  }
  return root;
}

/** "__proto__" becomes an own key, as in parsed JSON, not a prototype (defineProperty is slow, hence only then). */
function define(target: { [key: string]: Json }, key: string, value: Json): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Sets the value at `path`, creating the objects on the way that are missing (not those of another type). */
function put(root: Json, path: Path, value: Json): Json {
  let container = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(container)) return root;
    if (container[key] === undefined) define(container, String(key), {});
    container = container[key]!;
  }
  if (isObject(container)) define(container, String(path[path.length - 1]), value);
  return root;
}

/** The key keeps its place among its siblings, as if the source had sent it under the new name. */
function rename(target: { [key: string]: Json }, from: string, to: string): void {
  const entries = Object.entries(target).map(([k, value]): [string, Json] => [k === from ? to : k, value]);
  for (const k of Object.keys(target)) delete target[k];
  for (const [k, value] of entries) define(target, k, value);
}

/**
 * Copies of the object's own entries, under new keys, until it has `count`
 * keys: the copies keep the shape the mapping reads (a change set's
 * `{ new_value }`). A value over 1 KB is copied as its index instead, which
 * keeps the payload within sizes a webhook has.
 */
function widen(target: { [key: string]: Json }, count: number): void {
  const entries = Object.entries(target).map(([k, value]) => ({ k, value: JSON.stringify(value).length <= 1024 ? value : undefined }));
  for (let i = entries.length; i < count; i++) {
    const { k, value } = entries[i % entries.length] ?? { k: "k", value: undefined };
    define(target, `${k}_${i}`, value === undefined ? i : structuredClone(value));
  }
}

function fill(item: Filler, count: number): Json {
  const long = "x".repeat(MAX_STRING_CHARS);
  return Array.from({ length: count }, (_, i) => (item === "short" ? `s${i}` : item === "long" ? long : { text: long }));
}

/** Numbers ↔ numeric strings ↔ ISO strings, arrays ↔ objects. */
function retype(value: Json, as: "number" | "string" | "iso" | "array" | "object"): Json {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  switch (as) {
    case "number":
      return isFinite(number) ? number : 0;
    case "string":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "iso":
      return isFinite(number) && Math.abs(number) < 1e11 ? new Date(number * 1000).toISOString() : "2022-07-15T03:17:39.000-04:00";
    case "array":
      return Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [value];
    case "object":
      return isObject(value) ? value : Array.isArray(value) ? { ...value } : { value };
  }
}

function at(root: Json, path: Path): Json | undefined {
  let value: Json | undefined = root;
  for (const key of path) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as { [key: string]: Json })[key];
  }
  return value;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type { Json, Path };
