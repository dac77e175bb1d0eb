import { customEvent } from "../lib/regal";

/** A link to the call's recording is available. */
export default customEvent("call.recording.available");
