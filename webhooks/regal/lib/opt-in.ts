import { RegalEventsRequest } from "../../../contract/partners/regal";
import { customAttribute, sendTime } from "../../lib/braze";
import { webhook } from "../../lib/template";
import { contactIdentity, regalEndpoint } from "./contact";
import type { RegalWebhookSettings } from "./settings";

type Channel = "voice" | "sms" | "email";

/** A call or text needs the contact's phone, an e-mail its address: the one the consent is about. */
const CONSENTED = { voice: "phone", sms: "phone", email: "email" } as const;

/**
 * One channel's consent, given or withdrawn, as Regal records it: with the
 * time (Regal ignores an opt-in without one), and where and how it was given
 * when the settings say.
 */
export function optInTemplate(channel: Channel, subscribed: boolean) {
  return webhook(RegalEventsRequest).define((settings: RegalWebhookSettings) => {
    const { sourceAttribute, ipAttribute, text } = settings.optIn;
    const consented = CONSENTED[channel];
    const address = contactIdentity[consented].required(`Regal records ${channel} consent against the contact's ${consented}`);
    return {
      summary: `${subscribed ? "Opts the contact in to" : "Opts the contact out of"} Regal ${channel === "sms" ? "SMS" : channel}, timestamped with the send time.`,
      ...regalEndpoint(settings),
      body: {
        userId: contactIdentity.userId,
        traits: {
          ...(consented === "phone" ? { phone: address } : { email: address }),
          optIn: [
            {
              channel,
              subscribed,
              timestamp: sendTime(),
              source: sourceAttribute === undefined ? undefined : customAttribute(sourceAttribute).text(),
              ip: ipAttribute === undefined ? undefined : customAttribute(ipAttribute).text(),
              text,
            },
          ],
        },
        eventSource: "braze",
      },
    };
  });
}
