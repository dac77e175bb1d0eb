import { customEvent } from "../lib/regal";

/** An outbound call was started. */
export default customEvent("call.placed");
