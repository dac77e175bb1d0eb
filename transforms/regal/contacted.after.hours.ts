import type { Regal } from "./lib/payloads";

/** The contact called or texted outside business hours. */
export default {
  shape: "customEvent",
  event: "contacted.after.hours",
} satisfies Regal<"contacted.after.hours">;
