import { isUnknown } from "./normalize";
import type { PathOf } from "./paths";
import { readPath, setOwn, type JsonRecord } from "./values";

/** A value a mapping writes as it stands: a literal in a table or a condition. */
export type Literal = string | number | boolean | null;

/** The time the event happened, as a table's value: `zendesk_last_csat_at: EVENT_TIME`. */
export const EVENT_TIME = { eventTime: true } as const;

/**
 * Where a table's value comes from: a source property (a dotted path); a
 * property only when another one is true (`{ from: "contactPhone", when:
 * "isPrimary" }`); a literal (`{ value: "good" }`); or the event's time.
 */
export type ValueSource<P = JsonRecord> =
  | PathOf<P>
  | { readonly from: PathOf<P>; readonly when: PathOf<P> }
  | { readonly value: Literal }
  | typeof EVENT_TIME;

/** Braze name (attribute or event property) ← where its value comes from. */
export type ValueTable<P = JsonRecord> = Readonly<Record<string, ValueSource<P>>>;

/** Properties that must hold these values (all of them) for a rule to apply: `{ "comment.is_public": true }`. */
export type Condition<P = JsonRecord> = { readonly [K in PathOf<P>]?: Literal };

/**
 * The table's values that the webhook knows. A missing, null or "null" source
 * writes nothing: "unknown" must not clear what Braze knows.
 */
export function tableValues(table: ValueTable, properties: JsonRecord, time: string): JsonRecord {
  const values: JsonRecord = {};
  for (const name of Object.keys(table)) {
    const value = sourceValue(table[name] as ValueSource, properties, time);
    if (!isUnknown(value)) setOwn(values, name, value);
  }
  return values;
}

function sourceValue(source: ValueSource, properties: JsonRecord, time: string): unknown {
  if (typeof source === "string") return readPath(properties, source);
  if ("eventTime" in source) return time;
  if ("value" in source) return source.value;
  return readPath(properties, source.when) === true ? readPath(properties, source.from) : undefined;
}

/** The top-level properties a table reads, so "every other property" can leave them out. */
export function tableFields(table: ValueTable): string[] {
  const fields: string[] = [];
  for (const name of Object.keys(table)) {
    const source = table[name] as ValueSource;
    const path = typeof source === "string" ? source : "from" in source ? source.from : undefined;
    if (path !== undefined) fields.push(path.split(".")[0]!);
  }
  return fields;
}

/** "comment.is_public is true and comment.author.is_staff is false", as error messages and the mapping table say it. */
export function conditionText(condition: Condition): string {
  return Object.keys(condition)
    .map((path) => `${path} is ${JSON.stringify((condition as Record<string, Literal>)[path])}`)
    .join(" and ");
}

/** Whether every property the condition names holds its value. */
export function holds(condition: Condition, properties: JsonRecord): boolean {
  for (const path of Object.keys(condition)) {
    if (readPath(properties, path) !== (condition as Record<string, Literal>)[path]) return false;
  }
  return true;
}
