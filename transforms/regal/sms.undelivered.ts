import type { Regal } from "./lib/payloads";

/** An SMS to the contact was sent but not delivered. */
export default {
  shape: "customEvent",
  event: "sms.undelivered",
} satisfies Regal<"sms.undelivered">;
