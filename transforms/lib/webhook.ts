import { MisroutedEventError } from "./errors";
import { payloadObject } from "./payload";
import type { Envelope, Source } from "./source";
import { eventTime } from "./time";

/** Webhook headers as Braze passes them: canonical Title-Case keys, string values. */
export type Headers = Readonly<Record<string, string>>;

/** A transformation: Braze calls it with the webhook body and headers. */
export type Transform<Request> = (payload: unknown, headers: Headers) => Request;

/** One webhook of a handled event, its envelope read. */
export interface Webhook extends Omit<Envelope, "times"> {
  readonly event: string;
  /** ISO-8601 time the event happened. */
  readonly time: string;
}

/** The webhook, refused unless it is one of the `handled` events: a misrouted event must not write wrong data. */
export function readWebhook(source: Source, handled: readonly string[], payload: unknown): Webhook {
  const body = payloadObject(payload);
  const event = source.eventOf(body);
  if (typeof event !== "string" || handled.indexOf(event) < 0) throw new MisroutedEventError(source, handled, event);
  const envelope = source.read(body);
  return { event, properties: envelope.properties, identity: envelope.identity, time: eventTime(envelope.times) };
}
