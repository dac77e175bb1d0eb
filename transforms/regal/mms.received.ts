import type { Regal } from "./lib/payloads";

/** The contact sent an MMS. */
export default {
  shape: "customEvent",
  event: "mms.received",
} satisfies Regal<"mms.received">;
