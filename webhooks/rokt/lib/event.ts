import { WINDOWS_TIME_ZONES } from "../../../contract/partners/windows-time-zones";
import { customAttribute, eventProperty, text, user } from "../../lib/braze";
import { oauthBearerToken } from "../../lib/headers";
import type { Requirement } from "../../lib/template";
import { url } from "../../lib/url";
import type { RoktWebhookSettings } from "./settings";

/**
 * Rokt writes one account code and one subscription id per subscription
 * (Braze's Rokt page takes the part of the code before "/"). A webhook goes
 * to one account: the first one, with the subscriptions that are its own.
 */
const accountCodeItem = customAttribute("rokt:account_code").text().before("/");
const accountCode = customAttribute("rokt:account_code").firstItem().before("/").required("the Rokt Calendar account is part of the URL");

/** The user's subscriptions to the account the webhook goes to. */
export const subscriptionIds = customAttribute("rokt:subscription_id")
  .list({ uuid: true, pairedWith: { items: accountCodeItem, equals: accountCode } })
  .required("Rokt adds the event to these subscriptions");

/** The subscription-event endpoint of the user's account, with an OAuth token from the settings' credential. */
export function roktEndpoint(settings: RoktWebhookSettings, action: "create" | "update") {
  return {
    url: action === "create" ? url`https://api.roktcalendar.com/v1/subscriptionevent/${accountCode}` : url`https://api.roktcalendar.com/v1/subscriptionevent/${accountCode}/update`,
    headers: {
      Authorization: oauthBearerToken("https://api.roktcalendar.com/oauth2/token", settings.credential, "the Rokt Calendar API client id as user name and client secret as password"),
      "Content-Type": "application/json",
    },
  };
}

/** A local date-time as Rokt reads it. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * The calendar event of the settings, each field overridden by the property
 * of the same name of the custom event that triggered the send; and the
 * order its times must be in. A time or time zone that is there but wrong
 * stops the send: the settings' one would put the event at another time.
 */
export function calendarEvent(settings: RoktWebhookSettings) {
  const defaults = settings.event;
  for (const [name, value] of [["start", defaults.start], ["end", defaults.end]] as const) {
    if (!LOCAL_DATE_TIME.test(value)) throw new Error(`webhooks.rokt.event.${name} "${value}" is not a local date-time YYYY-MM-DDTHH:MM:SS`);
  }
  if (defaults.end < defaults.start) throw new Error(`webhooks.rokt.event.end is before its start`);
  const property = (name: string) => eventProperty(name).text();
  const optional = (name: string, fallback: string | undefined) => (fallback === undefined ? property(name) : property(name).or(fallback));
  const start = property("start").localDateTime().stopIfInvalid("Rokt needs the start as YYYY-MM-DDTHH:MM:SS").or(defaults.start);
  const end = property("end").localDateTime().stopIfInvalid("Rokt needs the end as YYYY-MM-DDTHH:MM:SS").or(defaults.end);
  const event = {
    // One calendar entry per user: the update template finds it again by the same id.
    eventId: text`${property("event_id").or(defaults.id)}_${user("user_id")}`.required("Rokt identifies the calendar entry by the event id and the user id"),
    title: property("title").or(defaults.title),
    description: optional("description", defaults.description),
    location: optional("location", defaults.location),
    start,
    end,
    timezone: property("timezone").oneOf(WINDOWS_TIME_ZONES, "Windows time-zone ids").stopIfInvalid("Rokt reads start and end in this time zone").or(defaults.timeZone),
    allDayEvent: eventProperty("all_day").boolean(),
    notifyBefore: eventProperty("notify_before").number({ integer: true, min: 0 }).or(defaults.notifyBefore),
  };
  const requirements: Requirement[] = [{ notBefore: [end, start], why: "Rokt cannot show an event that ends before it starts" }];
  return { event, requirements };
}
