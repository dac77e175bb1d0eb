import type { Regal } from "./lib/payloads";

/** An email was sent to the contact. */
export default {
  shape: "customEvent",
  event: "email.sent",
} satisfies Regal<"email.sent">;
