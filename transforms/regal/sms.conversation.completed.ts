import type { Regal } from "./lib/payloads";

/** An agent completed an SMS conversation; `content` holds its messages as [time, sender, direction, text] rows. */
export default {
  shape: "customEvent",
  event: "sms.conversation.completed",
} satisfies Regal<"sms.conversation.completed">;
