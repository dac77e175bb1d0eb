import type { Regal } from "./lib/payloads";

/** An agent completed a custom task. */
export default {
  shape: "customEvent",
  event: "custom.task.completed",
} satisfies Regal<"custom.task.completed">;
