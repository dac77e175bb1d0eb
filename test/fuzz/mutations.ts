import fc from "fast-check";

/*
 * Payload mutations derived from a documented payload's own shape: every
 * path in it can be removed, nulled, retyped or replaced with awkward text,
 * and the payload can gain unknown fields, deep nesting or conflicting
 * identifiers. A mutation is data (not a function) so fast-check can shrink
 * a failing list to the few mutations that matter and print them.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

export type Mutation =
  | { op: "remove"; path: Path }
  | { op: "set"; path: Path; value: Json }
  | { op: "retype"; path: Path; as: "number" | "string" | "iso" | "array" | "object" }
  | { op: "add"; path: Path; key: string; value: Json };

const AWKWARD_TEXT: readonly string[] = [
  "",
  " ",
  "null",
  "undefined",
  "x".repeat(255),
  "x".repeat(256),
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
  "+17625551796",
  "xxx@example.com",
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
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nesting as deep as 40 levels: deeper than Braze or the policy will take as is. */
const deep: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 1, max: 40 }), scalar)
  .map(([depth, leaf]) => {
    let value: Json = leaf;
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { level: value } : [value];
    return value;
  });

const json: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom<Json>({}, [], [[]], { a: {} }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
);

const unknownKey = fc.oneof(fc.constantFrom("$price", "time", "event_name", "", " padded ", "a.b", "__proto__", "constructor", "toString"), fc.string({ maxLength: 12 }));

/** Every path in a JSON value, the root first. */
export function pathsOf(value: Json, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((item, index) => pathsOf(item, [...path, index])));
  if (value && typeof value === "object") return here.concat(...Object.keys(value).map((key) => pathsOf(value[key]!, [...path, key])));
  return here;
}

/** Competing identifiers: the envelope's and the flattened envelope's, with different values. */
const IDENTITY_CLASHES: readonly Mutation[] = [
  { op: "add", path: [], key: "external_id", value: "flattened-id" },
  { op: "add", path: [], key: "contact_email", value: "other@example.com" },
  { op: "add", path: [], key: "contact_phone", value: "+15550001111" },
  { op: "add", path: ["traits"], key: "email", value: "second@example.com" },
];

export function mutationArbitrary(base: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);
  const inner = paths.filter((path) => path.length > 0);
  const path = fc.constantFrom(...inner);
  const anyPath = fc.constantFrom(...paths);
  return fc.oneof(
    path.map((p): Mutation => ({ op: "remove", path: p })),
    path.map((p): Mutation => ({ op: "set", path: p, value: null })),
    fc.record({ path, value: json }).map(({ path: p, value }): Mutation => ({ op: "set", path: p, value })),
    fc.record({ path, as: fc.constantFrom("number", "string", "iso", "array", "object") }).map(({ path: p, as }): Mutation => ({ op: "retype", path: p, as })),
    fc.record({ path: anyPath, key: unknownKey, value: json }).map(({ path: p, key, value }): Mutation => ({ op: "add", path: p, key, value })),
    fc.constantFrom(...IDENTITY_CLASHES),
  );
}

/** A documented payload with up to eight mutations applied, in order. */
export function mutatedPayload(base: Json): fc.Arbitrary<{ mutations: Mutation[]; payload: unknown }> {
  return fc.array(mutationArbitrary(base), { maxLength: 8 }).map((mutations) => ({
    mutations,
    payload: mutations.reduce((payload, mutation) => apply(payload, mutation), structuredClone(base) as Json),
  }));
}

/** Values are cloned as they are placed: fast-check reuses constants, which could otherwise form cycles. */
function apply(root: Json, given: Mutation): Json {
  const mutation = "value" in given ? { ...given, value: structuredClone(given.value) } : given;
  if (mutation.path.length === 0) {
    if (mutation.op === "add") {
      if (isObject(root)) Object.defineProperty(root, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      return root;
    }
    return mutation.op === "set" ? mutation.value : root;
  }
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
  } else {
    const target = container[key];
    // defineProperty, so that "__proto__" becomes an own key as in parsed JSON, not a prototype.
    if (isObject(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
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

export type { Json };
