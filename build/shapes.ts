import type { Destination } from "../contract/schema";
import type { AttributeSource, AttributeTable } from "../transforms/lib/attribute-table";
import type { AnyMapping, ChangeSet } from "../transforms/lib/mapping";
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

export const SHAPES: { readonly [S in ShapeName]: Shape<S> } = {
  customEvent: {
    destination: "POST /users/track",
    entryPoint: (mapping) => (mapping.attributes ? "customEventWithAttributes" : "customEvent"),
    resolve: (_mapping, { own, defaultName }) => ({
      brazeEventName: own.brazeEventName || defaultName,
      updateExistingOnly: own.updateExistingOnly === true,
    }),
    describe: (mapping, settings, { sourceName }) => {
      const writes = [`custom event "${settings.brazeEventName}"`];
      const others = mapping.otherPropertiesAsAttributes ? ", every other property as a custom attribute" : "";
      if (mapping.attributes) writes.push(`attributes: ${describeTable(mapping.attributes)}${others}`);
      return { writes, fields: allProperties(sourceName), clears: NEVER_CLEARS };
    },
  },
  attributeUpdate: {
    destination: "POST /users/track",
    resolve: (_mapping, { own }) => ({ updateExistingOnly: own.updateExistingOnly === true }),
    describe: (mapping, _settings, { sourceName }) => {
      const writes = [mapping.attributes && `attributes: ${describeTable(mapping.attributes)}`, mapping.changes && `attributes: ${describeChanges(mapping.changes)}`];
      const clears = mapping.changes
        ? `an attribute whose change has ${mapping.changes.newValue} null or "null" (${sourceName} reports the removal)`
        : NEVER_CLEARS;
      return { writes: writes.filter((line): line is string => Boolean(line)), fields: "only the attributes named", clears };
    },
  },
  subscriptionChange: {
    destination: "POST /users/track",
    resolve: (_mapping, { id, own, defaultName, sourceSettings }) => {
      const groups = Object.entries(sourceSettings.subscriptionGroups || {});
      if (groups.length === 0) {
        throw new BuildError(`${id}: a subscription change needs the source's subscriptionGroups in the settings (channel → Braze subscription group id)`);
      }
      const blank = groups.filter(([, group]) => typeof group !== "string" || group.trim() === "").map(([channel]) => channel);
      if (blank.length > 0) throw new BuildError(`${id}: subscriptionGroups.${blank.join(", ")} is empty: Braze refuses an update without a subscription group id`);
      const trackEvent = own.trackEvent !== false;
      const name = trackEvent ? { brazeEventName: own.brazeEventName || defaultName } : {};
      return { ...name, updateExistingOnly: own.updateExistingOnly !== false, trackEvent };
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
    resolve: (mapping, { id, sourceSettings }) => {
      const catalogName = (sourceSettings.catalogs || {})[mapping.catalog];
      if (!catalogName) throw new BuildError(`${id}: no Braze catalog for "${mapping.catalog}": add catalogs.${mapping.catalog} to the source's settings`);
      return { catalogName };
    },
    describe: (mapping, settings) => {
      const fields = Object.entries(mapping.fields).map(([field, type]) => `${field} (${type})`);
      return {
        writes: [`catalog "${settings.catalogName}" item, id made from properties.${mapping.idFrom}`],
        fields: `${fields.join(", ")}, ${mapping.timeField} (time); other properties are not written (a catalog takes only the fields it defines)`,
        clears: "n/a",
      };
    },
  },
};

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

/** "first_name ← firstName, phone ← contactPhone (when isPrimary)" */
function describeTable(table: AttributeTable): string {
  return Object.entries(table)
    .map(([attribute, source]: [string, AttributeSource]) =>
      typeof source === "string" ? `${attribute} ← ${source}` : `${attribute} ← ${source.from} (when ${source.when})`,
    )
    .join(", ");
}

/** "each changes.<field>.new_value as attribute <field> (firstName as first_name), …" */
function describeChanges(changes: ChangeSet): string {
  const renamed = Object.entries(changes.rename || {}).map(([field, attribute]) => `${field} as ${attribute}`);
  const parts = [`each ${changes.from}.<field>.${changes.newValue} as attribute <field>${renamed.length > 0 ? ` (${renamed.join(", ")})` : ""}`];
  for (const nested of changes.nested || []) parts.push(`each ${changes.from}.${nested}.<field>.${changes.newValue} as attribute <field>`);
  return parts.join("; ");
}
