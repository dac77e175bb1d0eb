import { subscriptionChange } from "../lib/regal";

/** The contact subscribed to a channel (voice or sms): subscribe them to its Braze group. */
export default subscriptionChange("contact.subscribed", "subscribed");
