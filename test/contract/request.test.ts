import { describe, expect, it } from "vitest";
import { formatProblems, validateRequest } from "../../contract/validate";
import { oneEvent, problemsOf, text, TIME } from "./problems";

const event = { external_id: "1", name: "E", time: TIME };
const attributes = { external_id: "1", plan: "pro" };
const purchase = { external_id: "1", product_id: "p", currency: "USD", price: 1, time: TIME };

describe("POST /users/track request", () => {
  it("needs at least one object in total", () => {
    expect(problemsOf({ attributes: [attributes] })).toEqual([]);
    expect(problemsOf({ purchases: [purchase], events: [] })).toEqual([]);
    expect(problemsOf({})).toEqual(["(root): no attributes, events or purchases (an empty request does nothing)"]);
    expect(problemsOf({ attributes: [], events: [], purchases: [] })).toEqual([
      "(root): no attributes, events or purchases (an empty request does nothing)",
    ]);
  });

  it("takes at most 75 objects across the three arrays", () => {
    const body = (events: number) => ({
      attributes: Array(25).fill(attributes),
      events: Array(events).fill(event),
      purchases: Array(25).fill(purchase),
    });
    expect(problemsOf(body(25))).toEqual([]);
    expect(problemsOf(body(26))).toEqual(["(root): 76 objects > 75 (attributes, events and purchases together)"]);
    expect(problemsOf({ events: Array(1200).fill(event) })).toEqual([
      "(root): 1,200 objects > 75 (attributes, events and purchases together)",
    ]);
  });

  it("is an object of known arrays", () => {
    expect(problemsOf(null)).toEqual(["(root): expected an object, got null"]);
    expect(problemsOf([event])).toEqual(["(root): expected an object, got an array"]);
    expect(problemsOf({ events: event })).toEqual([
      "events: expected an array, got an object",
      "(root): no attributes, events or purchases (an empty request does nothing)",
    ]);
    expect(problemsOf({ events: [event], event: [event] })).toEqual(["event: unexpected key"]);
  });

  it("reports every problem, in a stable order", () => {
    const body = {
      events: [{ name: "", time: "yesterday", properties: { notes: text(1204), $price: 3 } }, event],
      purchases: [{ ...purchase, currency: "usd" }],
    };
    const expected = [
      "events[0].name: must not be empty",
      'events[0].time: "yesterday" is not an ISO-8601 datetime',
      "events[0].properties.notes: 1,204 chars > 255",
      'events[0].properties["$price"]: key must not start with "$"',
      "events[0]: no identifier (needs one of external_id, user_alias, braze_id, email, phone)",
      'purchases[0].currency: "usd" is not an ISO-4217 currency code (3 upper-case letters)',
    ];
    expect(problemsOf(body)).toEqual(expected);
    expect(problemsOf(body)).toEqual(expected);
  });

  it("formats problems one per line", () => {
    const result = validateRequest(oneEvent({ name: 5, time: 1657855046 }));
    expect(result.valid).toBe(false);
    expect(formatProblems(result.valid ? [] : result.problems)).toBe(
      "events[0].name: expected a string, got 5\nevents[0].time: expected a string, got 1657855046",
    );
  });
});
