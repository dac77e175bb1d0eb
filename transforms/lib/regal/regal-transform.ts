import type { Destination } from "../../../contract/schema";
import { defineTransform, type MappingDoc, type Transform } from "../transform";
import { readRegalEvent, type RegalEvent } from "./envelope";

/** A transform for one Regal event: refuses other events, reads either envelope, then maps. */
export function regalTransform<Request>(
  event: string,
  destination: Destination,
  mapping: Omit<MappingDoc, "event">,
  build: (regal: RegalEvent) => Request,
): Transform<Request> {
  const meta = { source: "regal", events: [event], destination, mapping: [{ event, ...mapping }] };
  return defineTransform(meta, (payload) => build(readRegalEvent(payload, [event])));
}
