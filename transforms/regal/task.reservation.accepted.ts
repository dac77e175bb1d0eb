import { customEvent } from "../lib/regal";

/** An agent accepted a task. */
export default customEvent("task.reservation.accepted");
