import { RegalEventsRequest } from "../../contract/partners/regal";
import { eventProperty } from "../lib/braze";
import { mappedFields } from "../lib/mapped";
import { webhook } from "../lib/template";
import { contactIdentity, identifiable, regalEndpoint } from "./lib/contact";
import type { RegalWebhookSettings } from "./lib/settings";

export default webhook(RegalEventsRequest).define((settings: RegalWebhookSettings) => ({
  summary: "Records a Regal custom event on the contact (it can trigger a Regal Journey), with the mapped event properties.",
  ...regalEndpoint(settings),
  body: {
    userId: contactIdentity.userId,
    traits: { phone: contactIdentity.phone, email: contactIdentity.email },
    name: settings.customEvent.name,
    properties: mappedFields(settings.customEvent.properties, eventProperty),
    eventSource: "braze",
  },
  requirements: [identifiable],
}));
