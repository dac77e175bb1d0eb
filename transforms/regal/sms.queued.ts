import type { Regal } from "./lib/payloads";

/** An SMS to the contact was queued (Regal's recommended event for message content). */
export default {
  shape: "customEvent",
  event: "sms.queued",
} satisfies Regal<"sms.queued">;
