import { describe, expect, it } from "vitest";
import { problemsOf, text, TIME } from "./problems";

const NO_IDENTIFIER = "no identifier (needs one of external_id, user_alias, braze_id, email, phone)";
const alias = { alias_name: "+17625551796", alias_label: "phone" };
const NOT_EMAIL = "is not an e-mail address Braze would take as an identifier";
const NOT_E164 = "is not an E.164 phone number (+ and 7 to 15 digits), which the phone identifier needs";

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

  it("needs an external_id of at most 997 bytes of UTF-8", () => {
    expect(problemsOf(body({ external_id: text(997) }))).toEqual([]);
    expect(problemsOf(body({ external_id: `${text(332, "€")}a` }))).toEqual([]);
    expect(problemsOf(body({ external_id: text(998) }))).toEqual([`${array}[0].external_id: 998 bytes > 997 (Braze's user id limit)`]);
    expect(problemsOf(body({ external_id: text(500, "é") }))).toEqual([
      `${array}[0].external_id: 1,000 bytes > 997 (Braze's user id limit)`,
    ]);
  });

  it("needs an e-mail address when email is the identifier", () => {
    expect(problemsOf(body({ email: `${text(64)}@mail.example.co.uk` }))).toEqual([]);
    for (const email of ["Ada <a@b.co>", "a@b.co, c@d.co", "a b@c.co", "a@b", "@b.co"]) {
      expect(problemsOf(body({ email }))).toEqual([`${array}[0].email: ${JSON.stringify(email)} ${NOT_EMAIL}`]);
    }
    expect(problemsOf(body({ email: `${text(65)}@b.co` }))).toEqual([`${array}[0].email: "${text(40)}…" (70 chars) ${NOT_EMAIL}`]);
  });

  it("needs an E.164 number when phone is the identifier", () => {
    for (const phone of ["+1234567", "+123456789012345"]) expect(problemsOf(body({ phone }))).toEqual([]);
    for (const phone of ["+123456", "+1234567890123456", "15555550100", "+1 555 555 0100", "+01234567"]) {
      expect(problemsOf(body({ phone }))).toEqual([`${array}[0].phone: ${JSON.stringify(phone)} ${NOT_E164}`]);
    }
  });

  it("takes email and phone in any form beside an earlier identifier", () => {
    const profile = { email: "Ada <a@b.co>", phone: "555 0100" };
    for (const identifier of [{ external_id: "1" }, { user_alias: alias }, { braze_id: "5cd" }]) {
      expect(problemsOf(body({ ...identifier, ...profile }))).toEqual([]);
    }
    expect(problemsOf(body({ email: "a@b.co", phone: "555 0100" }))).toEqual([]);
    expect(problemsOf(body(profile))).toEqual([`${array}[0].email: "Ada <a@b.co>" ${NOT_EMAIL}`]);
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
