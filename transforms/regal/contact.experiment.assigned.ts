import { customEvent } from "../lib/regal";

/** The contact passed an A/B test node of a Regal journey and was assigned a variant. */
export default customEvent("contact.experiment.assigned");
