import type { Regal } from "./lib/payloads";

/** An outbound call was started. */
export default {
  shape: "customEvent",
  event: "call.placed",
} satisfies Regal<"call.placed">;
