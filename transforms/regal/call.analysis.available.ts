import { customEvent } from "../lib/regal";

/** Custom AI analysis of a call is complete (flattened envelope; the analysis keys are the account's own). */
export default customEvent("call.analysis.available");
