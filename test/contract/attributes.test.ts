import { describe, expect, it } from "vitest";
import { oneAttributes, problemsOf, text, TIME } from "./problems";

const attributes = (fields: Record<string, unknown>) => problemsOf(oneAttributes(fields));
const ANY_ATTRIBUTE = "expected a string, a finite number, a boolean, null, an array or an object";

describe("attributes: profile fields", () => {
  it("are strings where Braze keeps text", () => {
    const profile = {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "a@b.co",
      phone: "+1",
      country: "GB",
      home_city: "London",
      language: "en",
      time_zone: "Europe/London",
    };
    expect(attributes(profile)).toEqual([]);
    expect(attributes({ first_name: 5, time_zone: null })).toEqual([
      "attributes[0].first_name: expected a string, got 5",
      "attributes[0].time_zone: expected a string, got null",
    ]);
  });

  it("take dob as a real YYYY-MM-DD date", () => {
    expect(attributes({ dob: "1990-01-31" })).toEqual([]);
    expect(attributes({ dob: "1990-1-31" })).toEqual(['attributes[0].dob: "1990-1-31" is not a valid YYYY-MM-DD date']);
    expect(attributes({ dob: "1990-02-30" })).toEqual(['attributes[0].dob: "1990-02-30" is not a valid YYYY-MM-DD date']);
  });

  it("take gender as M, F, O, N, P or null", () => {
    for (const gender of ["M", "F", "O", "N", "P", null]) expect(attributes({ gender })).toEqual([]);
    expect(attributes({ gender: "X" })).toEqual(['attributes[0].gender: "X" is not one of "M", "F", "O", "N", "P"']);
  });

  it("take email_subscribe and push_subscribe as opted_in, unsubscribed or subscribed", () => {
    expect(attributes({ email_subscribe: "opted_in", push_subscribe: "unsubscribed" })).toEqual([]);
    expect(attributes({ email_subscribe: "yes", push_subscribe: true })).toEqual([
      'attributes[0].email_subscribe: "yes" is not one of "opted_in", "unsubscribed", "subscribed"',
      'attributes[0].push_subscribe: true is not one of "opted_in", "unsubscribed", "subscribed"',
    ]);
  });

  it("take subscription_groups as group ids with a subscribed/unsubscribed state", () => {
    const group = { subscription_group_id: "sg-1", subscription_state: "subscribed" };
    expect(attributes({ subscription_groups: [group, { ...group, subscription_state: "unsubscribed" }] })).toEqual([]);
    expect(
      attributes({
        subscription_groups: [
          { ...group, subscription_group_id: "" },
          { ...group, subscription_state: "opted_in" },
          { ...group, channel: "email" },
        ],
      }),
    ).toEqual([
      "attributes[0].subscription_groups[0].subscription_group_id: must not be empty",
      'attributes[0].subscription_groups[1].subscription_state: "opted_in" is not one of "subscribed", "unsubscribed"',
      "attributes[0].subscription_groups[2].channel: unexpected key",
    ]);
  });
});

describe("attributes: custom attribute names", () => {
  it('must not start with "$"', () => {
    expect(attributes({ plan$: "pro" })).toEqual([]);
    expect(attributes({ $plan: "pro" })).toEqual(['attributes[0]["$plan"]: key must not start with "$"']);
  });

  it("are 1 to 255 chars", () => {
    expect(attributes({ [text(255)]: 1 })).toEqual([]);
    expect(attributes({ [text(256)]: 1, "": 2 })).toEqual([
      `attributes[0].${text(256)}: key is 256 chars > 255`,
      'attributes[0][""]: key must not be empty',
    ]);
  });
});

describe("attributes: custom attribute values", () => {
  it("may be strings of at most 255 chars, numbers, booleans and null", () => {
    expect(attributes({ annual_income: "300,000", plan: text(255), seats: 3, ratio: 0.5, vip: true, old: null })).toEqual([]);
    expect(attributes({ plan: text(256) })).toEqual(["attributes[0].plan: 256 chars > 255"]);
  });

  it("may be arrays of strings and numbers", () => {
    expect(attributes({ tags: ["a", "b"], lucky: [7, 13], mixed: ["a", 1], none: [] })).toEqual([]);
    expect(attributes({ tags: ["a", true, text(256)] })).toEqual([
      "attributes[0].tags[1]: expected a string, a finite number or an object, got true",
      "attributes[0].tags[2]: 256 chars > 255",
    ]);
  });

  it("may be nested objects whose keys hold no '.' or '$'", () => {
    expect(attributes({ address: { city: "Paris", geo: { lat: 48.8, tags: ["x"] } }, pets: [{ id: 1, name: "Gus" }] })).toEqual([]);
    expect(attributes({ address: { "zip.code": "1", geo: { $lat: 1 } }, pets: [{ "a.b": 1 }] })).toEqual([
      'attributes[0].address["zip.code"]: key must not contain "."',
      'attributes[0].address.geo["$lat"]: key must not contain "$"',
      'attributes[0].pets[0]["a.b"]: key must not contain "."',
    ]);
  });

  it("may be nested objects whose keys hold no whitespace, at any depth and in arrays of objects", () => {
    expect(attributes({ address: { zip_code: "1", geo: { lat_long: "x" } }, pets: [{ pet_name: "Gus" }] })).toEqual([]);
    expect(attributes({ address: { "zip code": "1", geo: { "lat\tlong": 1 } }, pets: [{ "pet\nname": "Gus" }] })).toEqual([
      'attributes[0].address["zip code"]: key must not contain whitespace',
      'attributes[0].address.geo["lat\\tlong"]: key must not contain whitespace',
      'attributes[0].pets[0]["pet\\nname"]: key must not contain whitespace',
    ]);
  });

  it("report each kind of character a nested key must not contain, once", () => {
    expect(attributes({ address: { "a b.c$d e.f": 1 } })).toEqual([
      'attributes[0].address["a b.c$d e.f"]: key must not contain whitespace',
      'attributes[0].address["a b.c$d e.f"]: key must not contain "."',
      'attributes[0].address["a b.c$d e.f"]: key must not contain "$"',
    ]);
  });

  it("have nested keys of 1 to 255 chars, at any depth and in arrays of objects", () => {
    expect(attributes({ address: { [text(255)]: 1, geo: { [text(255)]: 2 } }, pets: [{ [text(255)]: 3 }] })).toEqual([]);
    expect(attributes({ address: { [text(256)]: 1, geo: { "": 2 } }, pets: [{ [text(256)]: 3 }, { "": 4 }] })).toEqual([
      `attributes[0].address.${text(256)}: key is 256 chars > 255`,
      'attributes[0].address.geo[""]: key must not be empty',
      `attributes[0].pets[0].${text(256)}: key is 256 chars > 255`,
      'attributes[0].pets[1][""]: key must not be empty',
    ]);
  });

  it("hold strings of at most 255 chars inside nested objects", () => {
    expect(attributes({ address: { street: text(256), lines: [text(256)] } })).toEqual([
      "attributes[0].address.street: 256 chars > 255",
      "attributes[0].address.lines[0]: 256 chars > 255",
    ]);
  });

  it("mark dates inside nested objects with { $time: ISO-8601 }", () => {
    expect(attributes({ trip: { booked: { $time: TIME } } })).toEqual([]);
    expect(attributes({ trip: { booked: { $time: "tomorrow" } } })).toEqual([
      'attributes[0].trip.booked["$time"]: "tomorrow" is not an ISO-8601 datetime',
    ]);
    expect(attributes({ trip: { booked: { $time: TIME, zone: "UTC" } } })).toEqual([
      'attributes[0].trip.booked["$time"]: key must not contain "$"',
    ]);
  });

  it("mark dates inside arrays of objects with { $time: ISO-8601 } too", () => {
    expect(attributes({ pets: [{ born: { $time: TIME } }], trips: [{ legs: [{ at: { $time: TIME } }] }] })).toEqual([]);
  });

  it("keep nested objects to 100 KB of JSON", () => {
    const big = { list: Array(420).fill({ v: text(240) }) };
    const bytes = Buffer.byteLength(JSON.stringify(big));
    expect(bytes).toBeGreaterThan(100 * 1024);
    expect(attributes({ big })).toEqual([`attributes[0].big: ${bytes.toLocaleString("en-US")} bytes of JSON > 102,400 (100 KB)`]);
    expect(attributes({ big: { list: Array(400).fill({ v: text(240) }) } })).toEqual([]);
  });

  it("are never undefined, NaN, functions or class instances", () => {
    expect(attributes({ u: undefined, n: NaN, f: () => 1, d: new Date(0), m: new Map() })).toEqual([
      `attributes[0].u: ${ANY_ATTRIBUTE}, got undefined`,
      `attributes[0].n: ${ANY_ATTRIBUTE}, got NaN`,
      `attributes[0].f: ${ANY_ATTRIBUTE}, got a function`,
      `attributes[0].d: ${ANY_ATTRIBUTE}, got a Date`,
      `attributes[0].m: ${ANY_ATTRIBUTE}, got a Map`,
    ]);
  });
});

describe("attributes: arrays", () => {
  const strings = (count: number) => Array.from({ length: count }, (_, i) => `tag_${i}`);
  const CUT = "(Braze's default array attribute length; it would cut the rest)";

  it("hold at most 25 strings or numbers", () => {
    expect(attributes({ tags: strings(25), lucky: Array(25).fill(7) })).toEqual([]);
    expect(attributes({ tags: strings(26), lucky: Array(1200).fill(7) })).toEqual([
      `attributes[0].tags: 26 items > 25 ${CUT}`,
      `attributes[0].lucky: 1,200 items > 25 ${CUT}`,
    ]);
  });

  it("are capped, objects included, once any item is not an object", () => {
    expect(attributes({ mixed: [...strings(24), { id: 1 }] })).toEqual([]);
    expect(attributes({ mixed: [...strings(25), { id: 1 }] })).toEqual([`attributes[0].mixed: 26 items > 25 ${CUT}`]);
  });

  it("hold finite numbers only", () => {
    expect(attributes({ lucky: [7, Infinity] })).toEqual([
      "attributes[0].lucky[1]: expected a string, a finite number or an object, got Infinity",
    ]);
  });

  it("of objects have no item cap, only the 100 KB of JSON", () => {
    // 411 objects of 249 bytes with their commas, a last one of 59 and the brackets: 102,400 bytes.
    const pets = (lastChars: number) => [...Array(411).fill({ v: text(240) }), { v: text(lastChars) }];
    expect(Buffer.byteLength(JSON.stringify(pets(51)))).toBe(100 * 1024);
    expect(attributes({ pets: pets(51) })).toEqual([]);
    expect(attributes({ pets: pets(52) })).toEqual(["attributes[0].pets: 102,401 bytes of JSON > 102,400 (100 KB)"]);
  });
});

describe("attributes: update operators", () => {
  it("increment by an integer with { inc }", () => {
    expect(attributes({ logins: { inc: 1 }, credits: { inc: -5 } })).toEqual([]);
    expect(attributes({ logins: { inc: 1.5 }, credits: { inc: "5" } })).toEqual([
      "attributes[0].logins.inc: expected an integer, got 1.5",
      'attributes[0].credits.inc: expected an integer, got "5"',
    ]);
  });

  it("change arrays with { add } and { remove }", () => {
    expect(attributes({ tags: { add: ["a"], remove: ["b", 2] }, more: { remove: [] } })).toEqual([]);
    expect(attributes({ tags: { add: "a" }, more: { remove: [null] } })).toEqual([
      'attributes[0].tags.add: expected an array, got "a"',
      "attributes[0].more.remove[0]: expected a string or a finite number, got null",
    ]);
  });

  it("change arrays of objects with { $add }, { $remove } and { $update }", () => {
    const ref = { $identifier_key: "id", $identifier_value: 1 };
    expect(
      attributes({
        pets: { $add: [{ id: 3, name: "Rex" }] },
        old_pets: { $remove: [ref] },
        fish: { $update: [{ ...ref, $new_object: { breed: "goldfish" } }] },
      }),
    ).toEqual([]);
    expect(attributes({ pets: { $add: [{ "a.b": 1 }] }, old_pets: { $remove: [{ id: 1 }] } })).toEqual([
      'attributes[0].pets["$add"][0]["a.b"]: key must not contain "."',
      'attributes[0].old_pets["$remove"][0]["$identifier_key"]: expected a string, got undefined',
      'attributes[0].old_pets["$remove"][0]["$identifier_value"]: expected a string or a finite number, got undefined',
      'attributes[0].old_pets["$remove"][0].id: unexpected key',
    ]);
  });

  it("are not mixed with other keys", () => {
    expect(attributes({ logins: { inc: 1, note: "x" } })).toEqual([
      'attributes[0].logins.inc: key "inc" is an update operator and cannot be mixed with other keys',
    ]);
  });
});

describe("attributes: nulls inside nested values", () => {
  it("are refused, since one makes Braze drop every nested update of the request", () => {
    const why = "null inside a nested attribute (Braze would drop every nested attribute update in the request)";
    expect(attributes({ address: null, tags: [], city: { name: "Paris" } })).toEqual([]);
    expect(attributes({ address: { city: null, geo: { lat: null } }, pets: [{ name: null }] })).toEqual([
      `attributes[0].address.city: ${why}`,
      `attributes[0].address.geo.lat: ${why}`,
      `attributes[0].pets[0].name: ${why}`,
    ]);
  });
});
