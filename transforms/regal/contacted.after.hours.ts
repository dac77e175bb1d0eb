import { customEvent } from "../lib/regal";

/** The contact called or texted outside business hours. */
export default customEvent("contacted.after.hours");
