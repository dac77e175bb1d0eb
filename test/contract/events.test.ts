import { describe, expect, it } from "vitest";
import { oneEvent, onePurchase, problemsOf, text, TIME } from "./problems";

describe("event objects", () => {
  it("need a non-empty name", () => {
    expect(problemsOf(oneEvent({ name: "Call Completed" }))).toEqual([]);
    expect(problemsOf(oneEvent({ name: "" }))).toEqual(["events[0].name: must not be empty"]);
    expect(problemsOf({ events: [{ external_id: "1", time: TIME }] })).toEqual(["events[0].name: expected a string, got undefined"]);
  });

  it("need an ISO-8601 time, with Z or an offset, on a real date", () => {
    for (const time of ["2022-07-15T03:17:39.000Z", "2022-07-15T03:17:39Z", "2022-07-15T05:17:39+02:00", "2024-02-29T00:00:00.123456Z"]) {
      expect(problemsOf(oneEvent({ time }))).toEqual([]);
    }
    expect(problemsOf(oneEvent({ time: "yesterday" }))).toEqual(['events[0].time: "yesterday" is not an ISO-8601 datetime']);
    expect(problemsOf(oneEvent({ time: "2022-02-30T00:00:00Z" }))).toEqual([
      'events[0].time: "2022-02-30T00:00:00Z" is not an ISO-8601 datetime',
    ]);
    expect(problemsOf(oneEvent({ time: "2022-07-15T03:17:39" }))).toEqual([
      'events[0].time: "2022-07-15T03:17:39" is not an ISO-8601 datetime',
    ]);
    expect(problemsOf(oneEvent({ time: 1657855046 }))).toEqual(["events[0].time: expected a string, got 1657855046"]);
    expect(problemsOf({ events: [{ external_id: "1", name: "E" }] })).toEqual(["events[0].time: expected a string, got undefined"]);
  });

  it("take properties as an object", () => {
    expect(problemsOf(oneEvent({ properties: {} }))).toEqual([]);
    expect(problemsOf(oneEvent({ properties: "notes" }))).toEqual(['events[0].properties: expected an object, got "notes"']);
    expect(problemsOf(oneEvent({ properties: [1] }))).toEqual(["events[0].properties: expected an object, got an array"]);
  });

  it("refuse keys Braze does not know", () => {
    expect(problemsOf(oneEvent({ propertes: {}, Name: "x" }))).toEqual([
      "events[0].propertes: unexpected key",
      "events[0].Name: unexpected key",
    ]);
  });
});

describe("purchase objects", () => {
  it("need a product_id of 1 to 255 chars", () => {
    expect(problemsOf(onePurchase({ product_id: text(255) }))).toEqual([]);
    expect(problemsOf(onePurchase({ product_id: text(256) }))).toEqual(["purchases[0].product_id: 256 chars > 255"]);
    expect(problemsOf(onePurchase({ product_id: "" }))).toEqual(["purchases[0].product_id: must not be empty"]);
    expect(problemsOf(onePurchase({ product_id: 42 }))).toEqual(["purchases[0].product_id: expected a string, got 42"]);
  });

  it("need an ISO-4217 alphabetic currency", () => {
    expect(problemsOf(onePurchase({ currency: "JPY" }))).toEqual([]);
    for (const currency of ["usd", "US", "USDT", "U$D"]) {
      expect(problemsOf(onePurchase({ currency }))).toEqual([
        `purchases[0].currency: ${JSON.stringify(currency)} is not an ISO-4217 currency code (3 upper-case letters)`,
      ]);
    }
  });

  it("need a finite price", () => {
    for (const price of [0, 9.99, -5, 1e6]) expect(problemsOf(onePurchase({ price }))).toEqual([]);
    expect(problemsOf(onePurchase({ price: "9.99" }))).toEqual(['purchases[0].price: expected a finite number, got "9.99"']);
    expect(problemsOf(onePurchase({ price: NaN }))).toEqual(["purchases[0].price: expected a finite number, got NaN"]);
    expect(problemsOf(onePurchase({ price: -Infinity }))).toEqual(["purchases[0].price: expected a finite number, got -Infinity"]);
  });

  it("take an integer quantity from 1 to 100", () => {
    for (const quantity of [1, 100]) expect(problemsOf(onePurchase({ quantity }))).toEqual([]);
    expect(problemsOf(onePurchase({ quantity: 0 }))).toEqual(["purchases[0].quantity: 0 < 1"]);
    expect(problemsOf(onePurchase({ quantity: 101 }))).toEqual(["purchases[0].quantity: 101 > 100"]);
    expect(problemsOf(onePurchase({ quantity: 1.5 }))).toEqual(["purchases[0].quantity: expected an integer, got 1.5"]);
  });

  it("need an ISO-8601 time", () => {
    expect(problemsOf(onePurchase({ time: "2022-07-15 03:17:39" }))).toEqual([
      'purchases[0].time: "2022-07-15 03:17:39" is not an ISO-8601 datetime',
    ]);
  });

  it("check properties like events do", () => {
    expect(problemsOf(onePurchase({ properties: { plan: "pro", seats: 3 } }))).toEqual([]);
    expect(problemsOf(onePurchase({ properties: { event_name: "x", note: text(300) } }))).toEqual([
      'purchases[0].properties.event_name: key "event_name" is reserved by Braze',
      "purchases[0].properties.note: 300 chars > 255",
    ]);
  });
});
