import type { Destination } from "../contract/schema";
import type { AnyMapping, ArrayChange, BrazeEventRule, ChangeSet, NamedAttribute } from "../transforms/lib/mapping";
import { conditionText, type ValueSource, type ValueTable } from "../transforms/lib/value-table";
import type { EventSettings, ResolvedEventSettings, SourceSettings } from "../transforms/lib/settings";
import { BuildError } from "./problems";

/*
 * What the build knows of each mapping shape in transforms/lib/shapes/: where
 * it writes, which event settings it runs with, and how its mapping reads in
 * words. Typed against the shapes' own union, so a new shape does not compile
 * until it is described here.
 */

export type ShapeName = AnyMapping["shape"];
type MappingOf<S extends ShapeName> = Extract<AnyMapping, { shape: S }>;

/** One event's row of the mapping table, every word derived from its mapping and settings. */
export interface MappingDescription {
  readonly writes: readonly string[];
  readonly fields: string;
  /** When the event removes a profile attribute: only where the source reports a removal. */
  readonly clears: string;
}

export interface EventContext {
  /** "regal/contact.unsubscribed", for messages. */
  readonly id: string;
  readonly sourceName: string;
  readonly own: EventSettings;
  readonly sourceSettings: SourceSettings;
  /** The Braze event name when the settings give none. */
  readonly defaultName: string;
}

interface Shape<S extends ShapeName> {
  readonly destination: Destination;
  /** The export of the shape's module that runs this mapping, when the shape has more than one. */
  entryPoint?(mapping: MappingOf<S>): string;
  /** The event settings the shape's code reads, defaults filled in: exactly what its snippet inlines. */
  resolve(mapping: MappingOf<S>, context: EventContext): Partial<ResolvedEventSettings>;
  describe(mapping: MappingOf<S>, settings: Partial<ResolvedEventSettings>, context: EventContext): MappingDescription;
}

const NEVER_CLEARS = "never";

/**
 * The settings every shape reads: whether the event is on (inlined only when
 * it is off) and `_update_existing_only` (the event's, else the source's,
 * else the shape's default).
 */
function commonSettings(mapping: AnyMapping, { own, sourceSettings }: EventContext, updateExistingOnlyDefault: boolean): Partial<ResolvedEventSettings> {
  const enabled = own.enabled ?? mapping.enabledByDefault !== false;
  const updateExistingOnly = own.updateExistingOnly ?? sourceSettings.updateExistingOnly ?? updateExistingOnlyDefault;
  return { ...(enabled ? {} : { enabled: false as const }), updateExistingOnly };
}

export const SHAPES: { readonly [S in ShapeName]: Shape<S> } = {
  customEvent: {
    destination: "POST /users/track",
    entryPoint: (mapping) =>
      (mapping.brazeEvents || mapping.properties ? "mappedCustomEvent" : "customEvent") + (mapping.attributes ? "WithAttributes" : ""),
    resolve: (mapping, context) => ({ ...eventNames(mapping.brazeEvents, context), ...commonSettings(mapping, context, false) }),
    describe: (mapping, settings, { sourceName }) => {
      const names = settings.brazeEventNames;
      const writes = mapping.brazeEvents && names
        ? mapping.brazeEvents.map((rule, index) => `custom event "${names[index]}"${rule.when ? ` when ${conditionText(rule.when)}` : ""}`)
        : [`custom event "${settings.brazeEventName}"`];
      const others = mapping.otherPropertiesAsAttributes ? ", every other property as a custom attribute" : "";
      if (mapping.attributes) writes.push(`attributes: ${describeTable(mapping.attributes)}${others}`);
      const fields = mapping.properties ? `event properties: ${describeTable(mapping.properties)}` : allProperties(sourceName);
      return { writes, fields, clears: NEVER_CLEARS };
    },
  },
  attributeUpdate: {
    destination: "POST /users/track",
    resolve: (mapping, context) => ({ ...namedAttributeNames(mapping.namedAttribute, context), ...commonSettings(mapping, context, false) }),
    describe: (mapping, settings, { sourceName }) => {
      const writes = [
        mapping.attributes && `attributes: ${describeTable(mapping.attributes)}`,
        mapping.changes && `attributes: ${describeChanges(mapping.changes)}`,
        mapping.arrays && `array operations: ${describeArrays(mapping.arrays)}`,
        mapping.namedAttribute && `attribute: ${describeNamed(mapping.namedAttribute, settings)}`,
      ];
      const clears = [
        mapping.changes && `an attribute whose change has ${mapping.changes.newValue} null or "null" (${sourceName} reports the removal)`,
        mapping.namedAttribute && `the named attribute, when ${mapping.namedAttribute.valueFrom} is null (${sourceName} reports the field cleared)`,
      ].filter((line): line is string => Boolean(line));
      return { writes: writes.filter((line): line is string => Boolean(line)), fields: "only the attributes named", clears: clears.length > 0 ? clears.join("; ") : NEVER_CLEARS };
    },
  },
  subscriptionChange: {
    destination: "POST /users/track",
    resolve: (mapping, context) => {
      const { id, own, defaultName, sourceSettings } = context;
      const groups = Object.entries(sourceSettings.subscriptionGroups || {});
      if (groups.length === 0) {
        throw new BuildError(`${id}: a subscription change needs the source's subscriptionGroups in the settings (channel → Braze subscription group id)`);
      }
      const blank = groups.filter(([, group]) => typeof group !== "string" || group.trim() === "").map(([channel]) => channel);
      if (blank.length > 0) throw new BuildError(`${id}: subscriptionGroups.${blank.join(", ")} is empty: Braze refuses an update without a subscription group id`);
      const trackEvent = own.trackEvent !== false;
      const name = trackEvent ? { brazeEventName: own.brazeEventName || defaultName } : {};
      return { ...name, ...commonSettings(mapping, context, true), trackEvent };
    },
    describe: (mapping, settings, { sourceName, sourceSettings }) => {
      const channels = Object.keys(sourceSettings.subscriptionGroups || {}).join(", ");
      const writes = [`subscription_groups: the group configured for properties.${mapping.channelFrom} (${channels}), ${mapping.state}`];
      if (settings.trackEvent) writes.push(`custom event "${settings.brazeEventName}"`);
      const fields = settings.trackEvent ? allProperties(sourceName) : `properties.${mapping.channelFrom} only`;
      return { writes, fields, clears: NEVER_CLEARS };
    },
  },
  catalogItem: {
    destination: "PUT /catalogs/{catalog_name}/items",
    resolve: (mapping, context) => ({ catalogName: catalogName(mapping.catalog, context), ...enabledOnly(mapping, context) }),
    describe: (mapping, settings) => {
      const fields = Object.entries(mapping.fields).map(([field, type]) => `${field} (${type})`);
      return {
        writes: [`catalog "${settings.catalogName}" item, id made from properties.${mapping.idFrom}`],
        fields: `${fields.join(", ")}, ${mapping.timeField} (time); other properties are not written (a catalog takes only the fields it defines)`,
        clears: "n/a",
      };
    },
  },
  catalogDelete: {
    destination: "DELETE /catalogs/{catalog_name}/items",
    resolve: (mapping, context) => ({ catalogName: catalogName(mapping.catalog, context), ...enabledOnly(mapping, context) }),
    describe: (mapping, settings) => ({
      writes: [`deletes the catalog "${settings.catalogName}" item whose id is made from properties.${mapping.idFrom}`],
      fields: "the item id only",
      clears: "n/a",
    }),
  },
};

/** A catalog request has no `_update_existing_only`: only whether the event is on. */
function enabledOnly(mapping: AnyMapping, context: EventContext): Partial<ResolvedEventSettings> {
  const { enabled } = commonSettings(mapping, context, false);
  return enabled === false ? { enabled } : {};
}

function catalogName(catalog: string, { id, sourceSettings }: EventContext): string {
  const name = (sourceSettings.catalogs || {})[catalog];
  if (!name) throw new BuildError(`${id}: no Braze catalog for "${catalog}": add catalogs.${catalog} to the source's settings`);
  return name;
}

/** One name per rule (renamed by the settings' `brazeEventNames`), or the event's one name. */
function eventNames(rules: readonly BrazeEventRule[] | undefined, { id, own, defaultName }: EventContext): Partial<ResolvedEventSettings> {
  if (!rules) return { brazeEventName: own.brazeEventName || defaultName };
  if (own.brazeEventName !== undefined) {
    throw new BuildError(`${id}: writes ${rules.length} Braze events, so brazeEventName is ambiguous: rename them with brazeEventNames: { "${rules[0]!.name}": "…" }`);
  }
  const renames = own.brazeEventNames || {};
  const unknown = Object.keys(renames).filter((name) => !rules.some((rule) => rule.name === name));
  if (unknown.length > 0) throw new BuildError(`${id}: brazeEventNames renames ${unknown.join(", ")}, but its Braze events are ${rules.map((rule) => rule.name).join(", ")}`);
  return { brazeEventNames: rules.map((rule) => renames[rule.name] || rule.name) };
}

function namedAttributeNames(named: NamedAttribute | undefined, { sourceSettings }: EventContext): Partial<ResolvedEventSettings> {
  return named ? { attributeNames: (sourceSettings.attributeNames || {})[named.names] || {} } : {};
}

export function isShapeName(name: unknown): name is ShapeName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(SHAPES, name);
}

/** The shape's code: `customEvent` is exported by transforms/lib/shapes/custom-event.ts. */
export function shapeModuleKey(shape: ShapeName): string {
  return `transforms/lib/shapes/${shape.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.js`;
}

function allProperties(sourceName: string): string {
  return `every ${sourceName} property, as event properties (see *How values are carried*)`;
}

/** "first_name ← firstName, phone ← contactPhone (when isPrimary), rating ← "good", rated_at ← the event's time" */
function describeTable(table: ValueTable): string {
  return Object.entries(table)
    .map(([name, source]: [string, ValueSource]) => `${name} ← ${describeSource(source)}`)
    .join(", ");
}

function describeSource(source: ValueSource): string {
  if (typeof source === "string") return source;
  if ("eventTime" in source) return "the event's time";
  if ("value" in source) return JSON.stringify(source.value);
  return `${source.from} (when ${source.when})`;
}

/** "zendesk_tags: add added.tags, remove removed.tags" */
function describeArrays(arrays: Readonly<Record<string, ArrayChange>>): string {
  return Object.entries(arrays)
    .map(([attribute, change]) => `${attribute}: ${[change.add && `add ${change.add}`, change.remove && `remove ${change.remove}`].filter(Boolean).join(", ")}`)
    .join("; ");
}

/** "the settings' attributeNames.userFields name for custom_field.id (360001 → plan), ← current" */
function describeNamed(named: NamedAttribute, settings: Partial<ResolvedEventSettings>): string {
  const names = Object.entries(settings.attributeNames || {}).map(([id, name]) => `${id} → ${name}`);
  return `the one the settings' attributeNames.${named.names} names for ${named.idFrom} (${names.length > 0 ? names.join(", ") : "none configured"}) ← ${named.valueFrom}`;
}

/** "each changes.<field>.new_value as attribute <field> (firstName as first_name), …" */
function describeChanges(changes: ChangeSet): string {
  const renamed = Object.entries(changes.rename || {}).map(([field, attribute]) => `${field} as ${attribute}`);
  const parts = [`each ${changes.from}.<field>.${changes.newValue} as attribute <field>${renamed.length > 0 ? ` (${renamed.join(", ")})` : ""}`];
  for (const nested of changes.nested || []) parts.push(`each ${changes.from}.${nested}.<field>.${changes.newValue} as attribute <field>`);
  return parts.join("; ");
}
