import { describe, expect, it } from "vitest";
import { oneEvent, problemsOf, text } from "./problems";

const properties = (value: Record<string, unknown>) => problemsOf(oneEvent({ properties: value }));
const ANY_VALUE = "expected a string, a finite number, a boolean, null, an array or an object";

describe("event properties: keys", () => {
  it("must not be empty", () => {
    expect(properties({ a: 1 })).toEqual([]);
    expect(properties({ "": 1 })).toEqual(['events[0].properties[""]: key must not be empty']);
  });

  it("are at most 255 chars", () => {
    expect(properties({ [text(255)]: 1 })).toEqual([]);
    expect(properties({ [text(256)]: 1 })).toEqual([`events[0].properties.${text(256)}: key is 256 chars > 255`]);
  });

  it('must not start with "$"', () => {
    expect(properties({ price$: 1 })).toEqual([]);
    expect(properties({ $price: 1 })).toEqual(['events[0].properties["$price"]: key must not start with "$"']);
  });

  it("must not be the reserved time or event_name at the top level", () => {
    expect(properties({ call: { time: 1, event_name: "x" } })).toEqual([]);
    expect(properties({ time: 1, event_name: "x" })).toEqual([
      'events[0].properties.time: key "time" is reserved by Braze',
      'events[0].properties.event_name: key "event_name" is reserved by Braze',
    ]);
  });

  it("follow the same rules at every depth", () => {
    expect(properties({ call: { agent: { "": 1, $id: 2, [text(256)]: 3 } }, list: [{ $x: 1 }] })).toEqual([
      'events[0].properties.call.agent[""]: key must not be empty',
      'events[0].properties.call.agent["$id"]: key must not start with "$"',
      `events[0].properties.call.agent.${text(256)}: key is 256 chars > 255`,
      'events[0].properties.list[0]["$x"]: key must not start with "$"',
    ]);
  });

  it("are bracket-quoted in paths when they are not identifiers", () => {
    expect(properties({ "callback_timestamp ": text(256) })).toEqual([
      'events[0].properties["callback_timestamp "]: 256 chars > 255',
    ]);
  });
});

describe("event properties: values", () => {
  it("may be strings, finite numbers, booleans, null, arrays and nested objects", () => {
    expect(
      properties({ s: "x", n: -1.5, b: false, z: null, a: ["a", 1, null, [true]], o: { deep: { list: [{ x: 1 }] } } }),
    ).toEqual([]);
  });

  it("are strings of at most 255 chars, at every depth", () => {
    expect(properties({ notes: text(255) })).toEqual([]);
    expect(properties({ notes: text(1204), call: { notes: [text(256)] } })).toEqual([
      "events[0].properties.notes: 1,204 chars > 255",
      "events[0].properties.call.notes[0]: 256 chars > 255",
    ]);
  });

  it("are never undefined, NaN, Infinity, functions or class instances", () => {
    expect(
      properties({
        u: undefined,
        nan: NaN,
        inf: Infinity,
        f: () => 1,
        d: new Date(0),
        big: 10n,
        nested: { list: [1, undefined] },
      }),
    ).toEqual([
      `events[0].properties.u: ${ANY_VALUE}, got undefined`,
      `events[0].properties.nan: ${ANY_VALUE}, got NaN`,
      `events[0].properties.inf: ${ANY_VALUE}, got Infinity`,
      `events[0].properties.f: ${ANY_VALUE}, got a function`,
      `events[0].properties.d: ${ANY_VALUE}, got a Date`,
      `events[0].properties.big: ${ANY_VALUE}, got 10n`,
      `events[0].properties.nested.list[1]: ${ANY_VALUE}, got undefined`,
    ]);
  });
});

describe("event properties: size", () => {
  const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, i]));

  it("are at most 256 top-level properties", () => {
    expect(properties(many(256))).toEqual([]);
    expect(properties(many(257))).toEqual(["events[0].properties: 257 properties > 256 (Braze would silently drop the extras)"]);
  });

  it("are at most 100 KB of UTF-8 JSON once they nest arrays or objects", () => {
    // 140 strings of 255 "€" are 35,700 chars but 107,100 bytes of UTF-8.
    const nested = { list: Array(140).fill(text(255, "€")) };
    const bytes = Buffer.byteLength(JSON.stringify(nested));
    expect(bytes).toBeGreaterThan(100 * 1024);
    expect(properties(nested)).toEqual([
      `events[0].properties: ${bytes.toLocaleString("en-US")} bytes of JSON > 102,400 (100 KB, the limit once properties nest arrays or objects)`,
    ]);
    expect(properties({ list: Array(130).fill(text(255, "€")) })).toEqual([]);
  });

  it("do not apply the size limit to flat properties", () => {
    const flat = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`p${i}`, text(255, "€")]));
    expect(Buffer.byteLength(JSON.stringify(flat))).toBeGreaterThan(100 * 1024);
    expect(properties(flat)).toEqual([]);
  });
});
