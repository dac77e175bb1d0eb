import { customEvent } from "../lib/regal";

/** An agent (or an AI agent's Schedule Callback action) scheduled a callback. */
export default customEvent("scheduled.callback.requested");
