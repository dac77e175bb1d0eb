import type { SubscriptionState } from "../../contract/schema";
import type { PathOf } from "./paths";
import type { IdentifierSource } from "./settings";
import type { Condition, ValueTable } from "./value-table";
import type { JsonRecord } from "./values";

/*
 * What an event module declares: one mapping, as data, typed against the
 * event's payload properties `P`. The build picks the shape's code in
 * lib/shapes/ and words the mapping table from this same data.
 */

/** What every mapping may say besides its shape. */
interface MappingBase<P = JsonRecord> {
  readonly event: string;
  /** Properties naming the user for this event, tried before the source's own fields of each kind. */
  readonly identity?: { readonly [K in IdentifierSource]?: readonly PathOf<P>[] };
  /** False for an event that is written only once the settings turn it on (`enabled: true`). */
  readonly enabledByDefault?: boolean;
}

/** One Braze custom event of a mapping that writes several, or one only under a condition. */
export interface BrazeEventRule<P = JsonRecord> {
  /** The default Braze event name (the settings' `brazeEventNames` may rename it). */
  readonly name: string;
  /** Written only when the properties hold these values. */
  readonly when?: Condition<P>;
}

/**
 * A Braze custom event carrying the partner's event properties, and
 * optionally profile attributes. By default one event, named after the
 * partner's event; `brazeEvents` writes each rule whose condition holds.
 */
export interface CustomEventMapping<P = JsonRecord> extends MappingBase<P> {
  readonly shape: "customEvent";
  readonly brazeEvents?: readonly BrazeEventRule<P>[];
  /** The event properties: Braze property ← source; by default every property the source reads. */
  readonly properties?: ValueTable<P>;
  /** Profile attributes the event also tells: Braze attribute ← source. */
  readonly attributes?: ValueTable<P>;
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

/** A Braze array operation on a list attribute: the values to add and to remove. */
export interface ArrayChange<P = JsonRecord> {
  readonly add?: PathOf<P>;
  readonly remove?: PathOf<P>;
}

/** An attribute whose name the settings give per partner field id (`attributeNames.<names>`). */
export interface NamedAttribute<P = JsonRecord> {
  /** The settings' map of field id → Braze attribute name. */
  readonly names: string;
  readonly idFrom: PathOf<P>;
  readonly valueFrom: PathOf<P>;
}

/** Profile attributes only: from a table, a change set, array operations, a named attribute, or several. */
export interface AttributeUpdateMapping<P = JsonRecord> extends MappingBase<P> {
  readonly shape: "attributeUpdate";
  readonly attributes?: ValueTable<P>;
  readonly changes?: ChangeSet<P>;
  readonly arrays?: Readonly<Record<string, ArrayChange<P>>>;
  readonly namedAttribute?: NamedAttribute<P>;
}

/** The subscription group the source's settings name for the event's channel, set to `state`. */
export interface SubscriptionChangeMapping<P = JsonRecord> extends MappingBase<P> {
  readonly shape: "subscriptionChange";
  readonly state: SubscriptionState;
  /** The property naming the channel (a key of the source's `subscriptionGroups` settings). */
  readonly channelFrom: PathOf<P>;
}

/** Catalog fields have a fixed type in Braze; values are coerced to it or written as null. */
export type CatalogFieldType = "string" | "number" | "boolean" | "time";

/** One item of a Braze catalog per event. */
export interface CatalogItemMapping<P = JsonRecord> extends MappingBase<P> {
  readonly shape: "catalogItem";
  /** The catalog's key in the source's `catalogs` settings. */
  readonly catalog: string;
  /** The property whose value, made a valid catalog id, identifies the item. */
  readonly idFrom: PathOf<P>;
  /** The catalog's fields, each read from the property of the same name. */
  readonly fields: { readonly [K in keyof P & string]?: CatalogFieldType };
  /** A field holding the event's time, so the catalog shows when the item last changed. */
  readonly timeField: string;
}

/** The event removes one item of a Braze catalog (another destination than writing items). */
export interface CatalogDeleteMapping<P = JsonRecord> extends MappingBase<P> {
  readonly shape: "catalogDelete";
  readonly catalog: string;
  readonly idFrom: PathOf<P>;
}

export type AnyMapping<P = JsonRecord> =
  | CustomEventMapping<P>
  | AttributeUpdateMapping<P>
  | SubscriptionChangeMapping<P>
  | CatalogItemMapping<P>
  | CatalogDeleteMapping<P>;

/** The mapping of event `E`, whose payload properties are `P`. */
export type Mapping<E extends string, P> = AnyMapping<P> & { readonly event: E };
