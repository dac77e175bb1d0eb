import type { Regal } from "./lib/payloads";

/** The contact sent an SMS. */
export default {
  shape: "customEvent",
  event: "sms.received",
} satisfies Regal<"sms.received">;
