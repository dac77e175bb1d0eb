import type { Regal } from "./lib/payloads";

/** An attribute of one of the contact's custom objects was edited. */
export default {
  shape: "customEvent",
  event: "object.attribute.edited",
} satisfies Regal<"object.attribute.edited">;
