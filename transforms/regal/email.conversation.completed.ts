import { customEvent } from "../lib/regal";

/** An agent completed an email task (flattened envelope). */
export default customEvent("email.conversation.completed");
