import type { Regal } from "./lib/payloads";

/** The contact subscribed to a channel (voice or sms): subscribe them to its Braze group. */
export default {
  shape: "subscriptionChange",
  event: "contact.subscribed",
  state: "subscribed",
  channelFrom: "channel",
} satisfies Regal<"contact.subscribed">;
