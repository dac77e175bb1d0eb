import type { Regal } from "./lib/payloads";

/** A call or SMS task was canceled. */
export default {
  shape: "customEvent",
  event: "task.canceled",
} satisfies Regal<"task.canceled">;
