import { describe, expect, it } from "vitest";
import { oneEvent, TIME } from "./problems";

const catalogBody = { catalog_name: "c", items: [{ id: "a" }] };

describe("toBeValidBrazeRequest", () => {
  it("passes for a valid body", () => {
    expect(oneEvent()).toBeValidBrazeRequest();
    expect(oneEvent()).toBeValidBrazeRequest("POST /users/track");
    expect(catalogBody).toBeValidBrazeRequest("DELETE /catalogs/{catalog_name}/items");
  });

  it("fails listing every problem, one per line", () => {
    const body = oneEvent({ time: "yesterday", properties: { notes: "a".repeat(1204) } });
    expect(() => expect(body).toBeValidBrazeRequest()).toThrow(
      [
        "expected a valid POST /users/track request body, found 2 problems:",
        'events[0].time: "yesterday" is not an ISO-8601 datetime',
        "events[0].properties.notes: 1,204 chars > 255",
      ].join("\n"),
    );
    expect(() => expect({ events: [{ name: "E", time: TIME }] }).toBeValidBrazeRequest()).toThrow(
      /found 1 problem:\nevents\[0\]: no identifier/,
    );
  });

  it("checks against the given destination", () => {
    expect(() => expect(catalogBody).toBeValidBrazeRequest()).toThrow(/catalog_name: unexpected key/);
    expect(() => expect(oneEvent()).toBeValidBrazeRequest("PUT /catalogs/{catalog_name}/items")).toThrow(
      /expected a valid PUT \/catalogs\/\{catalog_name\}\/items request body, found 3 problems:\ncatalog_name: expected a string, got undefined/,
    );
  });

  it("supports .not", () => {
    expect({}).not.toBeValidBrazeRequest();
    expect(() => expect(oneEvent()).not.toBeValidBrazeRequest()).toThrow(
      "expected the body not to be a valid POST /users/track request, but Braze would accept it",
    );
  });
});
