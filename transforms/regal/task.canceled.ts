import { customEvent } from "../lib/regal";

/** A call or SMS task was canceled. */
export default customEvent("task.canceled");
