/**
 * Regal's Custom Events API: one endpoint creates a contact, updates it or
 * records an event on it.
 *
 * https://developer.regal.io/reference/overview ,
 * https://developer.regalvoice.com/reference/overview ,
 * https://segment.com/docs/connections/destinations/catalog/regal-voice/ (opt-ins; now
 * https://www.twilio.com/docs/segment/connections/destinations/catalog/regal)
 */
import { z } from "zod";
import { problemMessage } from "../messages";
import { despiteFieldProblems, isRecord } from "../shared";
import { Email, IsoDateTime, Text } from "./fields";
import { apiKey, jsonContentType } from "./headers";
import { partnerRequest, type PartnerBody } from "./request";
import { urlChecker } from "./url";

const OptInSchema = z.strictObject({
  channel: z.enum(["sms", "voice", "email"]),
  subscribed: z.boolean(),
  // Required: Regal ignores an opt-in without one.
  timestamp: IsoDateTime,
  ip: Text.exactOptional(),
  text: Text.exactOptional(),
  source: Text.exactOptional(),
});

/** What a channel's opt-in is about: the contact's number or address must be in the same traits. */
const OPT_IN_NEEDS: Readonly<Record<string, "phone" | "email">> = { sms: "phone", voice: "phone", email: "email" };

const traitShape = {
  phone: Text.exactOptional(),
  email: Email.exactOptional(),
  firstName: Text.exactOptional(),
  lastName: Text.exactOptional(),
  optIn: z.array(OptInSchema).exactOptional(),
};

/** Any other trait becomes a custom contact property. */
const ContactPropertySchema = z.union([Text, z.number(), z.boolean(), z.null()]);

/**
 * Checks the traits beyond the standard ones. Not a catchall: its index
 * signature would also have to cover `optIn`, leaving no type a template
 * with opt-ins could produce.
 */
function checkContactProperties(traits: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [key, value] of Object.entries(traits)) {
    if (Object.hasOwn(traitShape, key)) continue;
    for (const issue of ContactPropertySchema.safeParse(value, { error: problemMessage }).error?.issues ?? []) {
      ctx.addIssue({ code: "custom", message: issue.message, path: [key, ...issue.path], input: value });
    }
  }
}

const TraitsSchema = z.looseObject(traitShape).superRefine(checkContactProperties, despiteFieldProblems);

/** Regal must be able to tell which contact the request is about, and an opt-in which number or address. */
function checkContact(body: Record<string, unknown>, ctx: z.RefinementCtx) {
  const traits = isRecord(body.traits) ? body.traits : {};
  if (body.userId === undefined && traits.phone === undefined && traits.email === undefined) {
    ctx.addIssue("no contact identifier (needs userId, traits.phone or traits.email)");
  }
  const optIns: unknown[] = Array.isArray(traits.optIn) ? traits.optIn : [];
  optIns.forEach((optIn, index) => {
    const channel = isRecord(optIn) && typeof optIn.channel === "string" ? optIn.channel : "";
    const needs = Object.hasOwn(OPT_IN_NEEDS, channel) ? OPT_IN_NEEDS[channel] : undefined;
    if (needs !== undefined && traits[needs] === undefined) {
      ctx.addIssue({ code: "custom", message: `the ${channel} opt-in needs traits.${needs}`, path: ["traits", "optIn", index], input: optIn });
    }
  });
}

export const RegalEventsBodySchema = z
  .strictObject({
    userId: Text.exactOptional(),
    traits: TraitsSchema.exactOptional(),
    /** The event name; an event triggers Regal Journeys. */
    name: Text.exactOptional(),
    properties: z.record(z.string(), z.json()).exactOptional(),
    originalTimestamp: IsoDateTime.exactOptional(),
    eventSource: Text.exactOptional(),
  })
  .superRefine(checkContact, despiteFieldProblems);

export const RegalEventsRequest = partnerRequest({
  id: "regal/events",
  title: "Regal Custom Events API",
  docs: "https://developer.regal.io/reference/overview",
  method: "POST",
  checkUrl: urlChecker("https://events.regalvoice.com/events"),
  headers: { Authorization: apiKey, "Content-Type": jsonContentType },
  body: RegalEventsBodySchema,
});

export type RegalEventsBody = PartnerBody<typeof RegalEventsRequest>;
