import { customEvent } from "../lib/regal";

/** A call with a contact ended (answered or not) and the agent submitted the summary form. */
export default customEvent("call.completed");
