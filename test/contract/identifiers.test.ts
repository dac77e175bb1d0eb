import { describe, expect, it } from "vitest";
import { problemsOf, TIME } from "./problems";

const NO_IDENTIFIER = "no identifier (needs one of external_id, user_alias, braze_id, email, phone)";
const alias = { alias_name: "+17625551796", alias_label: "phone" };

/** One object of each kind, without an identifier, under its array. */
const kinds = {
  attributes: { plan: "pro" },
  events: { name: "E", time: TIME },
  purchases: { product_id: "p", currency: "USD", price: 1, time: TIME },
};

describe.each(Object.entries(kinds))("identifiers of %s objects", (array, fields) => {
  const body = (identifier: Record<string, unknown>) => ({ [array]: [{ ...fields, ...identifier }] });

  it.each([{ external_id: "123" }, { user_alias: alias }, { braze_id: "5cd" }, { email: "a@b.co" }, { phone: "+15555550100" }])(
    "accepts %o alone",
    (identifier) => {
      expect(problemsOf(body(identifier))).toEqual([]);
    },
  );

  it("needs one", () => {
    expect(problemsOf(body({}))).toEqual([`${array}[0]: ${NO_IDENTIFIER}`]);
    expect(problemsOf({ [array]: [{ ...fields, external_id: "1" }, { ...fields }] })).toEqual([`${array}[1]: ${NO_IDENTIFIER}`]);
  });

  it("needs a non-empty external_id", () => {
    expect(problemsOf(body({ external_id: "" }))).toEqual([`${array}[0].external_id: must not be empty`]);
    expect(problemsOf(body({ external_id: 123 }))).toEqual([`${array}[0].external_id: expected a string, got 123`]);
  });

  it("needs both parts of a user_alias, non-empty, and nothing else", () => {
    expect(problemsOf(body({ user_alias: { alias_name: "x" } }))).toEqual([
      `${array}[0].user_alias.alias_label: expected a string, got undefined`,
    ]);
    expect(problemsOf(body({ user_alias: { ...alias, alias_name: "" } }))).toEqual([
      `${array}[0].user_alias.alias_name: must not be empty`,
    ]);
    expect(problemsOf(body({ user_alias: { ...alias, type: "x" } }))).toEqual([`${array}[0].user_alias.type: unexpected key`]);
  });

  it("takes braze_id, email and phone as strings", () => {
    expect(problemsOf(body({ braze_id: 5 }))).toEqual([`${array}[0].braze_id: expected a string, got 5`]);
    expect(problemsOf(body({ email: null }))).toEqual([`${array}[0].email: expected a string, got null`]);
    expect(problemsOf(body({ phone: 15555550100 }))).toEqual([`${array}[0].phone: expected a string, got 15555550100`]);
  });

  it("takes _update_existing_only as a boolean and app_id as a string", () => {
    expect(problemsOf(body({ external_id: "1", _update_existing_only: true, app_id: "app" }))).toEqual([]);
    expect(problemsOf(body({ external_id: "1", _update_existing_only: "false" }))).toEqual([
      `${array}[0]._update_existing_only: expected a boolean, got "false"`,
    ]);
    expect(problemsOf(body({ external_id: "1", app_id: 7 }))).toEqual([`${array}[0].app_id: expected a string, got 7`]);
  });

  it("refuses an explicitly undefined identifier", () => {
    expect(problemsOf(body({ external_id: undefined }))).toEqual([
      `${array}[0].external_id: expected a string, got undefined`,
      `${array}[0]: ${NO_IDENTIFIER}`,
    ]);
  });
});
