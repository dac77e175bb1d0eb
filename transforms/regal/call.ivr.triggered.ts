import type { Regal } from "./lib/payloads";

/** An inbound call entered one of the account's IVR flows (flattened envelope; identified by phone). */
export default {
  shape: "customEvent",
  event: "call.ivr.triggered",
} satisfies Regal<"call.ivr.triggered">;
