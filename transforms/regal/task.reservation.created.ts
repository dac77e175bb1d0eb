import { customEvent } from "../lib/regal";

/** A task was offered to an agent. */
export default customEvent("task.reservation.created");
