import { describe, expect, it } from "vitest";
import type { Destination } from "../../contract/schema";
import { problemsOf, text } from "./problems";

const UPSERTS = ["PUT /catalogs/{catalog_name}/items", "PATCH /catalogs/{catalog_name}/items"] as const;
const DELETE = "DELETE /catalogs/{catalog_name}/items";
const ALL: readonly Destination[] = [...UPSERTS, DELETE];
const ids = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `item_${i}` }));

describe.each(ALL)("%s", (destination) => {
  const check = (body: unknown) => problemsOf(body, destination);

  it("needs a non-empty catalog_name", () => {
    expect(check({ catalog_name: "regal_agents", items: ids(1) })).toEqual([]);
    expect(check({ catalog_name: "", items: ids(1) })).toEqual(["catalog_name: must not be empty"]);
    expect(check({ items: ids(1) })).toEqual(["catalog_name: expected a string, got undefined"]);
  });

  it("takes 1 to 50 items", () => {
    expect(check({ catalog_name: "c", items: ids(50) })).toEqual([]);
    expect(check({ catalog_name: "c", items: [] })).toEqual(["items: must not be empty"]);
    expect(check({ catalog_name: "c", items: ids(51) })).toEqual(["items: 51 items > 50"]);
  });

  it("needs item ids of at most 250 letters, digits, '-' and '_'", () => {
    expect(check({ catalog_name: "c", items: [{ id: "Agent-7_x" }, { id: text(250) }] })).toEqual([]);
    expect(check({ catalog_name: "c", items: [{ id: "a b" }, { id: text(251) }, { id: "" }, { id: 7 }, {}] })).toEqual([
      'items[0].id: "a b" may only contain letters, digits, "-" and "_"',
      "items[1].id: 251 chars > 250",
      "items[2].id: must not be empty",
      "items[3].id: expected a string, got 7",
      "items[4].id: expected a string, got undefined",
    ]);
  });

  it("needs ids unique within the request", () => {
    expect(check({ catalog_name: "c", items: [{ id: "a" }, { id: "b" }, { id: "a" }, { id: "a" }] })).toEqual([
      'items[2].id: duplicate id "a" (first used by items[0])',
      'items[3].id: duplicate id "a" (first used by items[0])',
    ]);
  });

  it("refuses keys Braze does not know", () => {
    expect(check({ catalog_name: "c", items: ids(1), catalog: "c" })).toEqual(["catalog: unexpected key"]);
  });
});

describe.each(UPSERTS)("%s items", (destination) => {
  const items = (...list: Record<string, unknown>[]) => problemsOf({ catalog_name: "c", items: list }, destination);

  it("hold strings of at most 5,000 chars, at every depth", () => {
    expect(items({ id: "a", bio: text(5000), profile: { bio: text(5000) } })).toEqual([]);
    expect(items({ id: "a", bio: text(5001), profile: { lines: [text(12000)] } })).toEqual([
      "items[0].bio: 5,001 chars > 5,000",
      "items[0].profile.lines[0]: 12,000 chars > 5,000",
    ]);
  });

  it("hold numbers, booleans, null, arrays and objects", () => {
    expect(items({ id: "a", n: 1.5, b: false, z: null, list: ["x", 1], o: { p: { q: [true] } } })).toEqual([]);
    expect(items({ id: "a", n: NaN, f: () => 1 })).toEqual([
      "items[0].n: expected a string, a finite number, a boolean, null, an array or an object, got NaN",
      "items[0].f: expected a string, a finite number, a boolean, null, an array or an object, got a function",
    ]);
  });

  it("have no '.' or '$' in keys, at any depth", () => {
    expect(items({ id: "a", "agent.email": "x", $rank: 1, profile: { "a.b": 1, list: [{ $c: 2 }] } })).toEqual([
      'items[0].profile["a.b"]: key must not contain "."',
      'items[0].profile.list[0]["$c"]: key must not contain "$"',
      'items[0]["agent.email"]: key must not contain "."',
      'items[0]["$rank"]: key must not contain "$"',
    ]);
  });

  it("may have whitespace in keys, which catalogs do not forbid", () => {
    expect(items({ id: "a", "agent name": "x", profile: { "first\tname": "y", list: [{ "a b": 1 }] } })).toEqual([]);
  });

  it("nest at most 50 levels", () => {
    const nested = (levels: number): unknown => (levels === 0 ? "leaf" : { next: nested(levels - 1) });
    expect(items({ id: "a", deep: nested(50) })).toEqual([]);
    expect(items({ id: "a", deep: nested(51) })).toEqual(["items[0].deep: nested 51 levels deep > 50"]);
  });
});

describe(`${DELETE} items`, () => {
  it("hold only an id", () => {
    expect(problemsOf({ catalog_name: "c", items: [{ id: "a", name: "x" }] }, DELETE)).toEqual(["items[0].name: unexpected key"]);
  });
});

describe("destination", () => {
  it("defaults to POST /users/track", () => {
    expect(problemsOf({ catalog_name: "c", items: ids(1) })).toEqual([
      "catalog_name: unexpected key",
      "items: unexpected key",
      "(root): no attributes, events or purchases (an empty request does nothing)",
    ]);
  });
});
