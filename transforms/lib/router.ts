import { MisroutedEventError } from "./errors";
import { payloadObject } from "./payload";
import { defineTransform, type MappingDoc, type Transform } from "./transform";

/**
 * One transformation for many events (Braze's free tier allows five): it
 * dispatches on `payload.name` to the very transforms the per-event snippets
 * are built from, so its output for an event is that event's snippet's output.
 */
export function router<Request>(source: string, transforms: readonly Transform<Request>[]): Transform<Request> {
  const byEvent: { [event: string]: Transform<Request> } = {};
  for (const transform of transforms) {
    if (transform.meta.destination !== transforms[0]!.meta.destination) {
      throw new Error(`router ${source}: ${transform.meta.events.join(", ")} writes to another destination`);
    }
    for (const event of transform.meta.events) byEvent[event] = transform;
  }
  const events = Object.keys(byEvent).sort();
  const meta = {
    source,
    events,
    destination: transforms[0]!.meta.destination,
    mapping: transforms.reduce((all, transform) => all.concat(transform.meta.mapping), [] as MappingDoc[]),
  };
  return defineTransform(meta, (payload, headers) => {
    const name = payloadObject(payload).name;
    const transform = typeof name === "string" && Object.prototype.hasOwnProperty.call(byEvent, name) ? byEvent[name] : undefined;
    if (!transform) throw new MisroutedEventError(events, name);
    return transform(payload, headers);
  });
}
