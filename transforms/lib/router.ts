import { MisroutedEventError } from "./errors";
import { payloadObject } from "./payload";
import type { Source } from "./source";
import type { Transform } from "./webhook";

/**
 * One transformation for many events (Braze's free tier allows five): the
 * build generates one per source and destination, dispatching on the event
 * to the very transforms the per-event snippets are built from, so its output
 * for an event is that event's snippet's output.
 */
export function router<Request>(source: Source, byEvent: Readonly<Record<string, Transform<Request>>>): Transform<Request> {
  const events = Object.keys(byEvent).sort();
  return (payload, headers) => {
    const event = source.eventOf(payloadObject(payload));
    const transform = typeof event === "string" && Object.prototype.hasOwnProperty.call(byEvent, event) ? byEvent[event] : undefined;
    if (!transform) throw new MisroutedEventError(source, events, event);
    return transform(payload, headers);
  };
}
