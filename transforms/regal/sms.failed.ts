import type { Regal } from "./lib/payloads";

/** An SMS to the contact failed to send. */
export default {
  shape: "customEvent",
  event: "sms.failed",
} satisfies Regal<"sms.failed">;
