import { subscriptionChange } from "../lib/regal";

/** The contact unsubscribed from a channel (voice or sms): unsubscribe them from its Braze group. */
export default subscriptionChange("contact.unsubscribed", "unsubscribed");
