import type { Regal } from "./lib/payloads";

/** An agent accepted a task. */
export default {
  shape: "customEvent",
  event: "task.reservation.accepted",
} satisfies Regal<"task.reservation.accepted">;
