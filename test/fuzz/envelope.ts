import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { IdentifierSource } from "../../transforms/lib/settings";
import type { Json, Path } from "./mutations";

/**
 * A field that may carry an identifier: its path, or its path and a
 * condition (the field names the user only when another field holds a
 * value, as a comment's author only when the author is not staff).
 */
export type IdentityField = Path | { readonly path: Path; readonly when: { readonly path: Path; readonly is: Json } };

/** Values to try at one field of the payload, beside the documented one. */
export interface Probe {
  readonly path: Path;
  readonly values: readonly Json[];
}

/**
 * Where one event's webhooks carry what the invariants set and read. Paths
 * are the payload's.
 */
export interface Envelope {
  /** Per kind of identifier, the fields that may carry it, most trusted first; a kind the webhook never carries is left out. */
  readonly identity: { readonly [K in IdentifierSource]?: readonly IdentityField[] };
  /** The field holding the event's time, trusted over every other. */
  readonly time: Path;
  /** The object holding the event's own fields, which become event properties. */
  readonly properties: Path;
  /**
   * Where the paths a mapping's tables and conditions name start
   * (`detail.id` is the payload's `detail.id`); `properties` unless given.
   */
  readonly fields?: Path;
  /** What the source sends for "no value" at some identifier fields, beyond what every partner does (mutations.ts NOTHING). */
  readonly nothing?: readonly Probe[];
  /** Whether the source reads its text values trimmed (rendered placeholders), rather than as they are. */
  readonly trimsText?: boolean;
  /**
   * Fields the source documents as something other than free text
   * (enumerations it normalises, digit-only ids, lists in a string): a long
   * string there is not carried as it is.
   */
  readonly notText?: readonly Path[];
  /**
   * Whether the source deliberately writes nothing for this webhook, as its
   * docs say (it names no customer: an agent's own activity, a foreign body).
   */
  readonly refuses?: (payload: unknown) => boolean;
  /** Values to put at the fields `refuses` reads, some refused and some not, for the invariants to try. */
  readonly refusalProbes?: readonly Probe[];
  /**
   * Values the source documents deriving from the payload rather than
   * copying (an enumeration lower-cased, a list split out of a string, a
   * delivery id made of several fields): not invented.
   */
  readonly derived?: (payload: unknown) => readonly unknown[];
}

/**
 * Where one source's webhooks carry what the invariants set and read, stated
 * per source in `test/fuzz/envelopes/<source>.ts` from the partner's docs,
 * independently of the source's envelope reader in transforms/: the tests
 * check that reader against it. A source whose events differ by kind (a
 * user's, a ticket's) states the differences in `byEvent`.
 */
export interface EnvelopeOracle extends Envelope {
  /** What differs for the events whose names start with a key ("ticket."): the longest matching key wins. */
  readonly byEvent?: Readonly<Record<string, Partial<Envelope>>>;
}

/** The oracle of `source`; a source without one fails with the file to add. */
export async function envelopeOracleOf(source: string): Promise<EnvelopeOracle> {
  const file = join(import.meta.dirname, "envelopes", `${source}.ts`);
  if (!existsSync(file)) {
    throw new Error(`no test/fuzz/envelopes/${source}.ts: the property suites need where ${source}'s webhooks carry identifiers, time and properties (see test/fuzz/envelopes/regal.ts)`);
  }
  return ((await import(pathToFileURL(file).href)) as { default: EnvelopeOracle }).default;
}

/** The envelope of `source`'s `event` webhooks. */
export async function envelopeOf(source: string, event: string): Promise<Envelope> {
  const { byEvent = {}, ...common } = await envelopeOracleOf(source);
  const prefix = Object.keys(byEvent).filter((key) => event.startsWith(key)).sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? common : { ...common, ...byEvent[prefix] };
}

/** The path of an identity field. */
export function fieldPath(field: IdentityField): Path {
  return "path" in field ? field.path : field;
}

/** Every field of `envelope` that may carry an identifier, with its kind. */
export function identityFields(envelope: Envelope): { kind: IdentifierSource; field: IdentityField; path: Path }[] {
  return Object.entries(envelope.identity).flatMap(([kind, fields]) =>
    (fields ?? []).map((field) => ({ kind: kind as IdentifierSource, field, path: fieldPath(field) })),
  );
}

/** Where a mapping's table path (`"detail.via.channel"`) is in the payload. */
export function payloadPath(envelope: Envelope, tablePath: string): Path {
  return [...(envelope.fields ?? envelope.properties), ...tablePath.split(".")];
}

/** The value at `path`, through objects only: an array is no envelope. */
export function read(value: unknown, path: Path): unknown {
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The values `envelope` says mean "no value" at `path`, beyond every partner's. */
export function nothingAt(envelope: Pick<Envelope, "nothing">, path: Path): readonly Json[] {
  const key = JSON.stringify(path);
  return (envelope.nothing ?? []).flatMap((probe) => (JSON.stringify(probe.path) === key ? probe.values : []));
}
