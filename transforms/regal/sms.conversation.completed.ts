import { customEvent } from "../lib/regal";

/** An agent completed an SMS conversation; `content` holds its messages as [time, sender, direction, text] rows. */
export default customEvent("sms.conversation.completed");
