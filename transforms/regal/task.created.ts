import type { Regal } from "./lib/payloads";

/** A call or SMS task was created. */
export default {
  shape: "customEvent",
  event: "task.created",
} satisfies Regal<"task.created">;
