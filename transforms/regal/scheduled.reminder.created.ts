import { customEvent } from "../lib/regal";

/** An agent scheduled a reminder. */
export default customEvent("scheduled.reminder.created");
