import { customEvent } from "../lib/regal";

/** The contact sent an MMS. */
export default customEvent("mms.received");
