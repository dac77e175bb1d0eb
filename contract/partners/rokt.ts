/**
 * Rokt Calendar's subscription events: create one for the subscribers, or
 * update it. The access token comes from Rokt's OAuth 2 client-credentials
 * endpoint (POST https://api.roktcalendar.com/oauth2/token), fetched by the
 * webhook itself with connected_content.
 *
 * https://roktcalendar-api.readme.io/reference/create-new-subscription-event ,
 * https://roktcalendar-api.readme.io/reference/update-subscription-event ,
 * https://docs.rokt.com/docs/api/rokt-calendar/post-v1-subscriptionevent-accountcode-update.html ,
 * https://roktcalendar-api.readme.io/docs/introduction ,
 * https://docs.rokt.com/developers/api-reference/calendar-api/
 */
import { z } from "zod";
import { describeValue } from "../describe";
import { despiteFieldProblems } from "../shared";
import { formatError, Integer, Text } from "./fields";
import { bearerToken, jsonContentType } from "./headers";
import { partnerRequest, type PartnerBody } from "./request";
import { urlChecker } from "./url";
import { WINDOWS_TIME_ZONES } from "./windows-time-zones";

/** Rokt's start and end are wall-clock times in `timezone`: an offset or Z would say a second, conflicting zone. */
const LocalDateTime = z.iso
  .datetime({ local: true, error: formatError("is not a local date-time YYYY-MM-DDTHH:MM[:SS]") })
  .refine((value) => !value.endsWith("Z"), {
    error: (issue) => `${describeValue(issue.input)} ends in Z: Rokt takes the local time in timezone, without offset`,
  });

/** Worded here whatever the input: messages.ts would list all 139 ids. */
function timeZoneProblem(input: unknown): string {
  if (typeof input !== "string") return `expected a Windows time-zone id such as "Eastern Standard Time", got ${describeValue(input)}`;
  if (input.includes("/")) {
    return `${describeValue(input)} is an IANA id: timezone takes a Windows id such as "Eastern Standard Time" (an IANA id goes in timezoneIanaId)`;
  }
  return `${describeValue(input)} is not a Windows time-zone id such as "Eastern Standard Time"`;
}

const TimeZone = z.enum(WINDOWS_TIME_ZONES, { error: (issue) => timeZoneProblem(issue.input) });

/** Rokt's ids are .NET Guids, which need not carry an RFC 4122 version, so z.uuid() would be too strict. */
const SubscriptionId = z.guid({ error: formatError("is not a UUID") });

/** Milliseconds of a local date-time read as UTC, for ordering two in the same zone; NaN when not one. */
function instant(value: unknown): number {
  return typeof value === "string" && !value.endsWith("Z") ? Date.parse(`${value}Z`) : Number.NaN;
}

function checkEnd(event: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (instant(event.end) < instant(event.start)) {
    ctx.addIssue({ code: "custom", message: `${describeValue(event.end)} is before start ${describeValue(event.start)}`, path: ["end"], input: event.end });
  }
}

/** Both fields Rokt makes optional and Braze's page requires (end, notifyBefore) are required: we follow Braze's page. */
const EventSchema = z
  .strictObject({
    eventId: Text,
    title: Text,
    description: Text.exactOptional(),
    location: Text.exactOptional(),
    start: LocalDateTime,
    end: LocalDateTime,
    timezone: TimeZone,
    timezoneIanaId: Text.exactOptional(),
    allDayEvent: z.boolean().exactOptional(),
    /** Minutes before the start; Rokt documents a Number, so "15" is refused. */
    notifyBefore: Integer.min(0),
    actionType: Text.exactOptional(),
    visibleFromDateTimeUtc: z.iso.datetime({ local: true }).exactOptional(),
  })
  .superRefine(checkEnd, despiteFieldProblems);

const SubscriptionIdsSchema = z.array(SubscriptionId).min(1);

export const RoktCreateEventBodySchema = z.strictObject({ event: EventSchema, subscriptionIds: SubscriptionIdsSchema });

/**
 * Wrapped in `event` as on Braze's Rokt page, which we follow;
 * docs.rokt.com shows the update body without the wrapper.
 */
export const RoktUpdateEventBodySchema = z.strictObject({ event: EventSchema, subscriptionIds: SubscriptionIdsSchema.exactOptional() });

const ROKT_HEADERS = { Authorization: bearerToken, "Content-Type": jsonContentType };

export const RoktCreateEventRequest = partnerRequest({
  id: "rokt/create-event",
  title: "Rokt Calendar API: create subscription event",
  docs: "https://roktcalendar-api.readme.io/reference/create-new-subscription-event",
  method: "POST",
  checkUrl: urlChecker("https://api.roktcalendar.com/v1/subscriptionevent/{accountCode}"),
  headers: ROKT_HEADERS,
  body: RoktCreateEventBodySchema,
});

export const RoktUpdateEventRequest = partnerRequest({
  id: "rokt/update-event",
  title: "Rokt Calendar API: update subscription event",
  docs: "https://roktcalendar-api.readme.io/reference/update-subscription-event",
  method: "POST",
  checkUrl: urlChecker("https://api.roktcalendar.com/v1/subscriptionevent/{accountCode}/update"),
  headers: ROKT_HEADERS,
  body: RoktUpdateEventBodySchema,
});

export type RoktCreateEventBody = PartnerBody<typeof RoktCreateEventRequest>;
export type RoktUpdateEventBody = PartnerBody<typeof RoktUpdateEventRequest>;
