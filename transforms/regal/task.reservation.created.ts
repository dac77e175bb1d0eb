import type { Regal } from "./lib/payloads";

/** A task was offered to an agent. */
export default {
  shape: "customEvent",
  event: "task.reservation.created",
} satisfies Regal<"task.reservation.created">;
