import type { Regal } from "./lib/payloads";

/** An agent canceled all of the contact's automated tasks. */
export default {
  shape: "customEvent",
  event: "cancel.all.automated.tasks",
} satisfies Regal<"cancel.all.automated.tasks">;
