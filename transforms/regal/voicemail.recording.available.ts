import { customEvent } from "../lib/regal";

/** A voicemail recording is available. */
export default customEvent("voicemail.recording.available");
