import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  AttributesObject,
  CatalogDeleteRequest,
  CatalogItem,
  CatalogItemsRequest,
  Destination,
  EventObject,
  EventProperties,
  PropertyValue,
  PurchaseObject,
  RequestBody,
  SubscriptionGroupUpdate,
  SubscriptionState,
  UserAlias,
  UserIdentifiers,
  UsersTrackRequest,
} from "../../contract/schema";

describe("contract types", () => {
  it("accept the documented attributes objects", () => {
    const income = { external_id: "1", annual_income: "300,000", _update_existing_only: false } satisfies AttributesObject;
    const groups = {
      external_id: "1",
      subscription_groups: [{ subscription_group_id: "x", subscription_state: "unsubscribed" }],
    } satisfies AttributesObject;
    expectTypeOf(income).toExtend<AttributesObject>();
    expectTypeOf(groups).toExtend<AttributesObject>();
    expectTypeOf({ user_alias: { alias_name: "a", alias_label: "b" }, logins: { inc: 1 }, pets: [{ id: 1 }] }).toExtend<AttributesObject>();
  });

  it("accept the documented event object", () => {
    const event = {
      name: "Call Completed",
      time: "2022-07-15T03:17:39.000Z",
      external_id: "1",
      properties: { notes: null, started_at: 1657855046, objections: ["a"] },
    } satisfies EventObject;
    expectTypeOf(event).toExtend<EventObject>();
    expectTypeOf(event.properties).toExtend<EventProperties>();
  });

  it("type profile fields and keep identifiers optional", () => {
    expectTypeOf<AttributesObject["gender"]>().toEqualTypeOf<"M" | "F" | "O" | "N" | "P" | null | undefined>();
    expectTypeOf<AttributesObject["email_subscribe"]>().toEqualTypeOf<"opted_in" | "unsubscribed" | "subscribed" | undefined>();
    expectTypeOf<AttributesObject["subscription_groups"]>().toEqualTypeOf<SubscriptionGroupUpdate[] | undefined>();
    expectTypeOf<SubscriptionState>().toEqualTypeOf<"subscribed" | "unsubscribed">();
    expectTypeOf<UserIdentifiers>().toEqualTypeOf<{
      external_id?: string;
      user_alias?: UserAlias;
      braze_id?: string;
      email?: string;
      phone?: string;
    }>();
    expectTypeOf<EventObject>().toExtend<UserIdentifiers>();
    expectTypeOf<PurchaseObject["quantity"]>().toEqualTypeOf<number | undefined>();
  });

  it("refuse what Braze refuses where a type can tell", () => {
    expectTypeOf({ external_id: "1", gender: "X" }).not.toExtend<AttributesObject>();
    expectTypeOf({ external_id: "1", name: "E" }).not.toExtend<EventObject>();
    expectTypeOf({ notes: () => 1 }).not.toExtend<EventProperties>();
    expectTypeOf<undefined>().not.toExtend<PropertyValue>();
    expectTypeOf({ name: "x" }).not.toExtend<CatalogItem>();
  });

  it("catch misspelt keys in literals", () => {
    const event: EventObject = {
      name: "E",
      time: "2022-07-15T03:17:39.000Z",
      // @ts-expect-error events have no "propertes"
      propertes: {},
    };
    expectTypeOf(event).toEqualTypeOf<EventObject>();
  });

  it("give each destination its body type", () => {
    expectTypeOf<Destination>().toEqualTypeOf<
      | "POST /users/track"
      | "PUT /catalogs/{catalog_name}/items"
      | "PATCH /catalogs/{catalog_name}/items"
      | "DELETE /catalogs/{catalog_name}/items"
    >();
    expectTypeOf<RequestBody<"POST /users/track">>().toEqualTypeOf<UsersTrackRequest>();
    expectTypeOf<RequestBody<"PATCH /catalogs/{catalog_name}/items">>().toEqualTypeOf<CatalogItemsRequest>();
    expectTypeOf<RequestBody<"DELETE /catalogs/{catalog_name}/items">>().toEqualTypeOf<CatalogDeleteRequest>();
    expectTypeOf({ catalog_name: "c", items: [{ id: "a", agent_availability: false }] }).toExtend<CatalogItemsRequest>();
  });

  it("type the matcher's destination", () => {
    expectTypeOf(expect(null).toBeValidBrazeRequest).parameter(0).toEqualTypeOf<Destination | undefined>();
  });
});
