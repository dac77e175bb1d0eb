import type { Regal } from "./lib/payloads";

/** The contact passed an A/B test node of a Regal journey and was assigned a variant. */
export default {
  shape: "customEvent",
  event: "contact.experiment.assigned",
} satisfies Regal<"contact.experiment.assigned">;
