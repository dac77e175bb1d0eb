import { RoktCreateEventRequest } from "../../contract/partners/rokt";
import { webhook } from "../lib/template";
import { calendarEvent, roktEndpoint, subscriptionIds } from "./lib/event";
import type { RoktWebhookSettings } from "./lib/settings";

export default webhook(RoktCreateEventRequest).define((settings: RoktWebhookSettings) => {
  const { event, requirements } = calendarEvent(settings);
  return {
    summary: "Adds an event to the user's Rokt Calendar subscriptions, from the properties of the custom event that triggered the send.",
    ...roktEndpoint(settings, "create"),
    body: {
      event,
      subscriptionIds,
    },
    requirements,
  };
});
