import { describe, expect, it } from "vitest";
import { validateRequest } from "../../contract/validate";

/* Documented request bodies, verbatim: the contract must accept them as they are. */
const usersTrack = [
  '{"events":[{"external_id":"123","name":"Call Completed","time":"2022-07-15T03:17:39.000Z","_update_existing_only":false,"properties":{"agent_firstname":"Rebecca","notes":null,"objections":null,"campaign_friendly_id":"445","started_at":1657855046,"journey_friendly_id":null}}]}',
  '{"attributes":[{"external_id":"123","_update_existing_only":false,"annual_income":"300,000"}]}',
  '{"attributes":[{"external_id":"123","_update_existing_only":true,"subscription_groups":[{"subscription_group_id":"YOUR SUBSCRIPTION GROUP ID","subscription_state":"unsubscribed"}]}]}',
  '{"events":[{"user_alias":{"alias_name":"+17625551796","alias_label":"phone"},"_update_existing_only":false,"name":"X","time":"2022-07-15T03:18:38.000Z"}]}',
];
const catalogItems = '{"catalog_name":"regal_agents","items":[{"id":"xxx_yourbrand_com","agent_email":"xxx@yourbrand.com","agent_availability":false}]}';

describe("documented outputs", () => {
  it.each(usersTrack)("POST /users/track accepts %s", (json) => {
    expect(validateRequest(JSON.parse(json))).toEqual({ valid: true });
    expect(validateRequest(JSON.parse(json), "POST /users/track")).toEqual({ valid: true });
  });

  it.each(["PUT /catalogs/{catalog_name}/items", "PATCH /catalogs/{catalog_name}/items"] as const)(
    "%s accepts the documented catalog body",
    (destination) => {
      expect(validateRequest(JSON.parse(catalogItems), destination)).toEqual({ valid: true });
    },
  );

  it("DELETE accepts the documented catalog body reduced to ids", () => {
    const body = { catalog_name: "regal_agents", items: [{ id: "xxx_yourbrand_com" }] };
    expect(validateRequest(body, "DELETE /catalogs/{catalog_name}/items")).toEqual({ valid: true });
  });

  it("documented outputs pass the matcher", () => {
    for (const json of usersTrack) expect(JSON.parse(json)).toBeValidBrazeRequest();
    expect(JSON.parse(catalogItems)).toBeValidBrazeRequest("PUT /catalogs/{catalog_name}/items");
  });
});
