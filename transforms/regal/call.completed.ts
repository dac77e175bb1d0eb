import type { Regal } from "./lib/payloads";

/** A call with a contact ended (answered or not) and the agent submitted the summary form. */
export default {
  shape: "customEvent",
  event: "call.completed",
} satisfies Regal<"call.completed">;
