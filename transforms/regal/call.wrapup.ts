import type { Regal } from "./lib/payloads";

/** A call ended and its task is now in wrap-up. */
export default {
  shape: "customEvent",
  event: "call.wrapup",
} satisfies Regal<"call.wrapup">;
