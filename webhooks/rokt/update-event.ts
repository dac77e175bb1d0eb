import { RoktUpdateEventRequest } from "../../contract/partners/rokt";
import { webhook } from "../lib/template";
import { calendarEvent, roktEndpoint } from "./lib/event";
import type { RoktWebhookSettings } from "./lib/settings";

export default webhook(RoktUpdateEventRequest).define((settings: RoktWebhookSettings) => {
  const { event, requirements } = calendarEvent(settings);
  return {
    summary: "Updates an event sent with rokt/new-event (same event_id and user), from the properties of the custom event that triggered the send.",
    ...roktEndpoint(settings, "update"),
    body: { event },
    requirements,
  };
});
