import type { Regal } from "./lib/payloads";

/** A link to the call's recording is available. */
export default {
  shape: "customEvent",
  event: "call.recording.available",
} satisfies Regal<"call.recording.available">;
