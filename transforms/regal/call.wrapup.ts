import { customEvent } from "../lib/regal";

/** A call ended and its task is now in wrap-up. */
export default customEvent("call.wrapup");
