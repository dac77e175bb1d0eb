import { MisroutedEventError, NotWrittenError } from "./errors";
import type { IdentityCandidates } from "./identity";
import type { AnyMapping } from "./mapping";
import { payloadObject } from "./payload";
import type { Envelope, Source } from "./source";
import { eventTime } from "./time";
import { readPath, type JsonRecord } from "./values";

/** Webhook headers as Braze passes them: string values, keys in a case Braze does not document. */
export type Headers = Readonly<Record<string, string>>;

/** A transformation: Braze calls it with the webhook body and headers. */
export type Transform<Request> = (payload: unknown, headers: Headers) => Request;

/** One webhook of a handled event, its envelope read. */
export interface Webhook extends Omit<Envelope, "times" | "refusal"> {
  readonly event: string;
  /** ISO-8601 time the event happened. */
  readonly time: string;
}

/** The webhook, if it is `event`'s and the source does not refuse it. */
export function readWebhook(source: Source, event: string, payload: unknown, mapping: Pick<AnyMapping, "identity">): Webhook {
  const body = eventBody(source, event, payload);
  const envelope = source.read(body, event);
  if (envelope.refusal !== undefined) throw new NotWrittenError({ source, event }, envelope.refusal);
  const identity = mapping.identity ? withMappingIdentity(envelope.identity, mapping.identity, envelope.properties) : envelope.identity;
  return { event, properties: envelope.properties, identity, time: eventTime(envelope.times) };
}

/** The webhook body, if it is `event`'s: a misrouted event must not write wrong data. */
export function eventBody(source: Source, event: string, payload: unknown): JsonRecord {
  const body = payloadObject(payload);
  const received = source.eventOf(body);
  if (received !== event) throw new MisroutedEventError(source, [event], body);
  return body;
}

/** The mapping's own identity fields first, then the source's. */
function withMappingIdentity(candidates: IdentityCandidates, paths: NonNullable<AnyMapping["identity"]>, properties: JsonRecord): IdentityCandidates {
  const merged: { [kind: string]: IdentityCandidates[keyof IdentityCandidates] } = { ...candidates };
  for (const kind of Object.keys(paths) as (keyof IdentityCandidates)[]) {
    const own = (paths[kind] || []).map((path) => ({ field: path, value: readPath(properties, path) }));
    merged[kind] = own.concat(candidates[kind] || []);
  }
  return merged;
}
