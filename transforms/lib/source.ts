import type { IdentityCandidates } from "./identity";
import type { JsonRecord } from "./values";

/** What a source's envelope reader finds in one webhook body. */
export interface Envelope {
  /** The event's own fields, which event properties and attribute tables read. */
  readonly properties: JsonRecord;
  readonly identity: IdentityCandidates;
  /** Values that may date the event, most trusted first, in any encoding time.ts reads. */
  readonly times: readonly unknown[];
  /** Why this webhook is not written, when the source knows it names no customer (an agent's own activity). */
  readonly refusal?: string;
}

/**
 * A partner that posts webhooks (`transforms/<source>/lib/envelope.ts`
 * default-exports one): how its events are told apart and how its envelope
 * is read, quirks included. Everything else is the same for every source.
 */
export interface Source {
  /** The partner as people write it ("Regal"): error messages name it. */
  readonly name: string;
  /** The payload field that names the event, as error messages show it ("name" → payload.name). */
  readonly eventField: string;
  /** The event a body is for, spelled as the event module's file name. */
  eventOf(body: JsonRecord): unknown;
  /** Reads the body of `event` (what `eventOf` returned for it). */
  read(body: JsonRecord, event: string): Envelope;
}

/**
 * Why the source's routers write nothing for an event no module maps (a
 * reason the partner documents that event for, but Braze has no use for),
 * or undefined for an event the source does not know. A reader module may
 * export one as `notWritten`; only routers carry it.
 */
export type NotWritten = (event: string) => string | undefined;

/**
 * What the build says about a source (`export const docs` beside the
 * reader): build-only, so no snippet carries it.
 */
export interface SourceDocs {
  /** How to point the partner at a transformation, for the generated mapping table. */
  readonly connect?: string;
  /** Words written in capitals in default Braze event names ("sms" → "SMS Sent"). */
  readonly acronyms?: readonly string[];
  /** Words before every default Braze event name ("Zendesk" → "Zendesk Ticket Created"). */
  readonly eventNamePrefix?: string;
  /**
   * For a webhook whose body the partner's admin writes: the body to paste
   * for `event`, shipped as `dist/<source>/bodies/<event>.json`.
   */
  readonly requestBody?: (event: string) => unknown;
}
