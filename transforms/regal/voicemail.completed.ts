import { customEvent } from "../lib/regal";

/** An agent completed a voicemail task (flattened envelope). */
export default customEvent("voicemail.completed");
