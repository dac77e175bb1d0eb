import { customEvent } from "../lib/regal";

/** A transcript, AI call summary, sentiments and trackers are available for a call. */
export default customEvent("call.transcript.available");
