import type { SubscriptionState } from "../../contract/schema";
import type { AttributeTable } from "./attribute-table";
import type { PathOf } from "./paths";
import type { JsonRecord } from "./values";

/*
 * What an event module declares: one mapping, as data, typed against the
 * event's payload properties `P`. The build picks the shape's code in
 * lib/shapes/ and words the mapping table from this same data.
 */

/** A Braze custom event carrying every property of the partner's event, and optionally profile attributes. */
export interface CustomEventMapping<P = JsonRecord> {
  readonly shape: "customEvent";
  readonly event: string;
  /** Profile attributes the event also tells: Braze attribute ← property path. */
  readonly attributes?: AttributeTable<P>;
  /** Also write every property the table does not read as a custom attribute. */
  readonly otherPropertiesAsAttributes?: boolean;
}

/**
 * A change set: `{ <field>: { <newValue>: … } }` at `from`. The source reports
 * each change, so a new value that is null or "null" clears the attribute.
 */
export interface ChangeSet<P = JsonRecord> {
  readonly from: PathOf<P>;
  readonly newValue: string;
  /** Fields holding change sets of their own, whose fields are written under their own names. */
  readonly nested?: readonly string[];
  /** Source field → Braze attribute, where they differ. */
  readonly rename?: Readonly<Record<string, string>>;
}

/** Profile attributes only: from a table, from a change set, or both. */
export interface AttributeUpdateMapping<P = JsonRecord> {
  readonly shape: "attributeUpdate";
  readonly event: string;
  readonly attributes?: AttributeTable<P>;
  readonly changes?: ChangeSet<P>;
}

/** The subscription group the source's settings name for the event's channel, set to `state`. */
export interface SubscriptionChangeMapping<P = JsonRecord> {
  readonly shape: "subscriptionChange";
  readonly event: string;
  readonly state: SubscriptionState;
  /** The property naming the channel (a key of the source's `subscriptionGroups` settings). */
  readonly channelFrom: PathOf<P>;
}

/** Catalog fields have a fixed type in Braze; values are coerced to it or written as null. */
export type CatalogFieldType = "string" | "number" | "boolean" | "time";

/** One item of a Braze catalog per event. */
export interface CatalogItemMapping<P = JsonRecord> {
  readonly shape: "catalogItem";
  readonly event: string;
  /** The catalog's key in the source's `catalogs` settings. */
  readonly catalog: string;
  /** The property whose value, made a valid catalog id, identifies the item. */
  readonly idFrom: PathOf<P>;
  /** The catalog's fields, each read from the property of the same name. */
  readonly fields: { readonly [K in keyof P & string]?: CatalogFieldType };
  /** A field holding the event's time, so the catalog shows when the item last changed. */
  readonly timeField: string;
}

export type AnyMapping<P = JsonRecord> = CustomEventMapping<P> | AttributeUpdateMapping<P> | SubscriptionChangeMapping<P> | CatalogItemMapping<P>;

/** The mapping of event `E`, whose payload properties are `P`. */
export type Mapping<E extends string, P> = AnyMapping<P> & { readonly event: E };
