import type { Regal } from "./lib/payloads";

/** Custom AI analysis of a call is complete (flattened envelope; the analysis keys are the account's own). */
export default {
  shape: "customEvent",
  event: "call.analysis.available",
} satisfies Regal<"call.analysis.available">;
