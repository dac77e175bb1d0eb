import type { Regal } from "./lib/payloads";

/** An agent (or an AI agent's Schedule Callback action) scheduled a callback. */
export default {
  shape: "customEvent",
  event: "scheduled.callback.requested",
} satisfies Regal<"scheduled.callback.requested">;
