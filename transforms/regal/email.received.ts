import type { Regal } from "./lib/payloads";

/** The contact sent an email. */
export default {
  shape: "customEvent",
  event: "email.received",
} satisfies Regal<"email.received">;
