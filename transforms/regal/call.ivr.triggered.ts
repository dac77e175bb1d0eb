import { customEvent } from "../lib/regal";

/** An inbound call entered one of the account's IVR flows (flattened envelope; identified by phone). */
export default customEvent("call.ivr.triggered");
