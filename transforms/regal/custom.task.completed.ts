import { customEvent } from "../lib/regal";

/** An agent completed a custom task. */
export default customEvent("custom.task.completed");
