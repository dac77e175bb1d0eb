import { customEvent } from "../lib/regal";

/** A voicemail transcript and trackers are available. */
export default customEvent("voicemail.transcript.available");
