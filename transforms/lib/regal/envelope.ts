import type { IdentityCandidates } from "../identity";
import { MisroutedEventError } from "../errors";
import { payloadObject } from "../payload";
import { toIsoTime } from "../time";
import { asRecord, firstOf, type JsonRecord } from "../values";

/**
 * A Regal reporting webhook, read from either envelope Regal sends: the
 * documented Segment-like one (`userId`, `traits`, `originalTimestamp`) or the
 * flattened one some events use (`external_id`, `contact_email`,
 * `contact_phone`, `original_timestamp` at the top level).
 */
export interface RegalEvent {
  readonly name: string;
  readonly properties: JsonRecord;
  readonly identity: IdentityCandidates;
  /** ISO-8601 time the event happened (see `eventTime`). */
  readonly time: string;
}

/** Property timestamps that date the event itself, most specific first. */
const PROPERTY_TIMES = ["timestamp", "completed_at", "ended_at", "created_at", "started_at", "response_timestamp"];

export function readRegalEvent(payload: unknown, handled: readonly string[]): RegalEvent {
  const body = payloadObject(payload);
  const name = body.name;
  if (typeof name !== "string" || handled.indexOf(name) < 0) throw new MisroutedEventError(handled, name);
  const traits = asRecord(body.traits) || {};
  const properties = asRecord(body.properties) || {};
  return {
    name,
    properties,
    identity: {
      external_id: [
        { field: "userId", value: body.userId },
        { field: "external_id", value: body.external_id },
      ],
      email: [
        { field: "traits.email", value: traits.email },
        { field: "contact_email", value: body.contact_email },
      ],
      phone: [
        { field: "traits.phone", value: traits.phone },
        { field: "contact_phone", value: body.contact_phone },
        { field: "properties.contact_phone", value: properties.contact_phone },
        { field: "properties.contactPhone", value: properties.contactPhone },
        { field: "properties.contact_number", value: properties.contact_number },
      ],
    },
    time: eventTime(body, properties),
  };
}

/**
 * The envelope's timestamp in whatever encoding it came, then the event's own
 * property timestamps, then the time the transformation runs: Braze needs a
 * time on every event, and "now" is within seconds of Regal's send.
 */
function eventTime(body: JsonRecord, properties: JsonRecord): string {
  const envelope = [body.originalTimestamp, body.original_timestamp, body.created_at];
  const own = PROPERTY_TIMES.map((key) => properties[key]);
  return firstOf(envelope.concat(own), toIsoTime) || new Date().toISOString();
}
