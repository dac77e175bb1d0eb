import type { Regal } from "./lib/payloads";

/** An SMS was sent to the contact. */
export default {
  shape: "customEvent",
  event: "sms.sent",
} satisfies Regal<"sms.sent">;
