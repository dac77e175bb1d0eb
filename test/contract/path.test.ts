import { describe, expect, it } from "vitest";
import { formatPath } from "../../contract/path";

describe("formatPath", () => {
  it("renders the body itself as (root)", () => {
    expect(formatPath([])).toBe("(root)");
  });

  it("joins identifier keys with dots and indexes with brackets", () => {
    expect(formatPath(["events", 0, "properties", "notes"])).toBe("events[0].properties.notes");
    expect(formatPath([0])).toBe("[0]");
  });

  it("bracket-quotes keys that are not plain identifiers", () => {
    expect(formatPath(["events", 0, "properties", "$price"])).toBe('events[0].properties["$price"]');
    expect(formatPath(["properties", "callback_timestamp "])).toBe('properties["callback_timestamp "]');
    expect(formatPath(["a.b", "", "0", "1x", 'say "hi"'])).toBe('["a.b"][""]["0"]["1x"]["say \\"hi\\""]');
  });

  it("keeps a string key that looks like an index apart from an index", () => {
    expect(formatPath(["items", "0"])).toBe('items["0"]');
  });

  it("shows symbol keys", () => {
    expect(formatPath(["a", Symbol("s")])).toBe("a[Symbol(s)]");
  });
});
