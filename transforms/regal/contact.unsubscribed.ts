import type { Regal } from "./lib/payloads";

/** The contact unsubscribed from a channel (voice or sms): unsubscribe them from its Braze group. */
export default {
  shape: "subscriptionChange",
  event: "contact.unsubscribed",
  state: "unsubscribed",
  channelFrom: "channel",
} satisfies Regal<"contact.unsubscribed">;
