import type { Regal } from "./lib/payloads";

/** A custom object (e.g. a Salesforce opportunity) was created on the contact. */
export default {
  shape: "customEvent",
  event: "object.created",
} satisfies Regal<"object.created">;
