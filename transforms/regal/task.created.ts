import { customEvent } from "../lib/regal";

/** A call or SMS task was created. */
export default customEvent("task.created");
