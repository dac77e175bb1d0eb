import type { Regal } from "./lib/payloads";

/** An agent completed an email task (flattened envelope). */
export default {
  shape: "customEvent",
  event: "email.conversation.completed",
} satisfies Regal<"email.conversation.completed">;
