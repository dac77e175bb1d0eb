import type { Regal } from "./lib/payloads";

/** An agent scheduled a reminder. */
export default {
  shape: "customEvent",
  event: "scheduled.reminder.created",
} satisfies Regal<"scheduled.reminder.created">;
