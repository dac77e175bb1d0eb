import type { Regal } from "./lib/payloads";

/** An MMS was sent to the contact. */
export default {
  shape: "customEvent",
  event: "mms.sent",
} satisfies Regal<"mms.sent">;
