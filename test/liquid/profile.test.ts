import { describe, expect, it } from "vitest";
import { parseProfile, ProfileError } from "../../liquid";

const parseError = (json: unknown): string => {
  try {
    parseProfile(json, "ann.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).message;
  }
  throw new Error("expected a ProfileError");
};

describe("parseProfile", () => {
  it("reads standard attributes by their Liquid name and custom attributes as given", () => {
    const json = {
      user_id: "u-1",
      first_name: "Ann",
      last_name: "O'Neil",
      email_address: "ann@example.com",
      phone_number: "+15555550100",
      custom_attributes: { "rokt:account_code": ["ACME"], lead_source: "web" },
    };
    expect(parseProfile(json, "ann.json")).toEqual({
      profile: {
        standard: { user_id: "u-1", first_name: "Ann", last_name: "O'Neil", email_address: "ann@example.com", phone_number: "+15555550100" },
        customAttributes: { "rokt:account_code": ["ACME"], lead_source: "web" },
      },
      warnings: [],
    });
  });

  it("accepts /users/export field names as aliases", () => {
    const { profile } = parseProfile({ external_id: "u-1", email: "a@b.co", phone: "+1", home_city: "Lyon", dob: "1990-01-31" }, "export.json");
    expect(profile.standard).toEqual({ user_id: "u-1", email_address: "a@b.co", phone_number: "+1", city: "Lyon", date_of_birth: "1990-01-31" });
  });

  it("accepts an alias next to its Liquid name when both say the same", () => {
    expect(parseProfile({ email: "a@b.co", email_address: "a@b.co" }, "ann.json").profile.standard).toEqual({ email_address: "a@b.co" });
  });

  it("refuses an alias and its Liquid name with different values", () => {
    expect(parseError({ external_id: "u-1", user_id: "u-2" })).toBe('ann.json: "external_id" and "user_id" both give user_id, with different values');
  });

  it("warns about and ignores keys Liquid cannot read", () => {
    const json: unknown = JSON.parse('{"first_name": "Ann", "lead_source": "web", "__proto__": "x", "created_at": "2020"}');
    const { profile, warnings } = parseProfile(json, "ann.json");
    expect(profile).toEqual({ standard: { first_name: "Ann" }, customAttributes: {} });
    expect(warnings).toEqual([
      '"lead_source" is not a standard attribute Liquid can read (custom attributes go under custom_attributes)',
      '"__proto__" is not a standard attribute Liquid can read (custom attributes go under custom_attributes)',
      '"created_at" is not a standard attribute Liquid can read (custom attributes go under custom_attributes)',
    ]);
  });

  it("keeps null (unset) and any JSON value", () => {
    expect(parseProfile({ first_name: null, city: ["a"], custom_attributes: { n: { deep: [1] } } }, "ann.json").profile).toEqual({
      standard: { first_name: null, city: ["a"] },
      customAttributes: { n: { deep: [1] } },
    });
  });

  it("refuses a profile that is not an object, and custom_attributes that are not an object", () => {
    expect(parseError([])).toBe("ann.json: a profile must be a JSON object, got an array");
    expect(parseError("Ann")).toBe("ann.json: a profile must be a JSON object, got a string");
    expect(parseError({ custom_attributes: ["a"] })).toBe('ann.json: "custom_attributes" must be an object, got an array');
    expect(parseError({ custom_attributes: null })).toBe('ann.json: "custom_attributes" must be an object, got null');
  });
});
