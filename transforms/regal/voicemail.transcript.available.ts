import type { Regal } from "./lib/payloads";

/** A voicemail transcript and trackers are available. */
export default {
  shape: "customEvent",
  event: "voicemail.transcript.available",
} satisfies Regal<"voicemail.transcript.available">;
