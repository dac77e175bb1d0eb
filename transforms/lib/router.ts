import { MisroutedEventError, NotWrittenError } from "./errors";
import { payloadObject } from "./payload";
import type { NotWritten, Source } from "./source";
import type { Transform } from "./webhook";

/**
 * One transformation for many events (Braze's free tier allows five): the
 * build generates one per source and destination, dispatching on the event
 * to the very transforms the per-event snippets are built from, so its output
 * for an event is that event's snippet's output.
 */
export function router<Request>(source: Source, byEvent: Readonly<Record<string, Transform<Request>>>, notWritten?: NotWritten): Transform<Request> {
  const events = Object.keys(byEvent).sort();
  return (payload, headers) => {
    const body = payloadObject(payload);
    const event = source.eventOf(body);
    const transform = typeof event === "string" && Object.prototype.hasOwnProperty.call(byEvent, event) ? byEvent[event] : undefined;
    if (transform) return transform(payload, headers);
    const why = typeof event === "string" && notWritten ? notWritten(event) : undefined;
    if (why !== undefined) throw new NotWrittenError({ source, event: event as string }, why);
    throw new MisroutedEventError(source, events, body);
  };
}
