import type { Regal } from "./lib/payloads";

/** An agent completed a voicemail task (flattened envelope). */
export default {
  shape: "customEvent",
  event: "voicemail.completed",
} satisfies Regal<"voicemail.completed">;
