import type { Regal } from "./lib/payloads";

/** A voicemail recording is available. */
export default {
  shape: "customEvent",
  event: "voicemail.recording.available",
} satisfies Regal<"voicemail.recording.available">;
