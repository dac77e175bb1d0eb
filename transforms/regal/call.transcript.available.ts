import type { Regal } from "./lib/payloads";

/** A transcript, AI call summary, sentiments and trackers are available for a call. */
export default {
  shape: "customEvent",
  event: "call.transcript.available",
} satisfies Regal<"call.transcript.available">;
