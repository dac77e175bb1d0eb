import { RegalEventsRequest } from "../../contract/partners/regal";
import { webhook } from "../lib/template";
import { contactIdentity, contactTraits, identifiable, regalEndpoint } from "./lib/contact";
import type { RegalWebhookSettings } from "./lib/settings";

export default webhook(RegalEventsRequest).define((settings: RegalWebhookSettings) => ({
  summary: "Creates the Regal contact (Regal needs a phone or an e-mail for a new one), or updates it: name, phone, e-mail and the mapped contact properties.",
  ...regalEndpoint(settings),
  body: {
    userId: contactIdentity.userId,
    traits: contactTraits(settings),
    eventSource: "braze",
  },
  requirements: [identifiable],
}));
