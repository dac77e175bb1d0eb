import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkPartnerRequest,
  RegalEventsRequest,
  RoktCreateEventRequest,
  RoktUpdateEventRequest,
  WINDOWS_TIME_ZONES,
  ZendeskCreateTicketRequest,
  type PartnerRequest,
  type RegalEventsBody,
  type RoktCreateEventBody,
  type RoktUpdateEventBody,
  type SentRequest,
  type ZendeskCreateTicketBody,
} from "../../contract/partners";
import { FIXTURES } from "../support/fixtures";

const WEBHOOK_FIXTURES = join(FIXTURES, "webhooks");

function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(join(WEBHOOK_FIXTURES, path), "utf8")) as T;
}

const contentBlocks = fixture<{ regal_api_key: string; zendesk_api_credential: string }>("content-blocks.json");
const roktToken = fixture<{ access_token?: string }>("connected/rokt-token.json");
const roktTokenError = fixture<{ access_token?: string }>("connected/rokt-token-error.json");
const eventProperties = (name: string) => fixture<{ timezone: string }>(`events/${name}.json`);

type Changes = Partial<Omit<SentRequest, "body">>;

/**
 * The problems `request` finds when sent `body` (an object is sent as its
 * JSON, a string as it is) with an otherwise accepted method, URL and headers.
 */
function checker(request: PartnerRequest, accepted: Omit<SentRequest, "body">) {
  return (body: unknown, changes: Changes = {}) =>
    checkPartnerRequest(request, { ...accepted, ...changes, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const JSON_TYPE = { "Content-Type": "application/json" };
const SUBSCRIPTION_ID = "3f2b8c1e-9d4a-4f6b-8e2a-7c5d1b0a9e34";

describe("partner requests", () => {
  it("each names its endpoint's id after its partner and links the partner's documentation", () => {
    for (const request of [RegalEventsRequest, ZendeskCreateTicketRequest, RoktCreateEventRequest, RoktUpdateEventRequest]) {
      expect(request.id).toMatch(/^(regal|zendesk|rokt)\/[a-z-]+$/);
      expect(request.docs).toMatch(/^https:\/\//);
    }
  });
});

describe("regal/events", () => {
  const regal = checker(RegalEventsRequest, {
    method: "POST",
    url: "https://events.regalvoice.com/events",
    headers: { Authorization: contentBlocks.regal_api_key, ...JSON_TYPE },
  });
  const minimal: RegalEventsBody = { userId: "u-1" };
  const full: RegalEventsBody = {
    userId: "u-1",
    traits: {
      phone: "+15555550100",
      email: "ann.o'neil@example.com",
      firstName: "Ann",
      lastName: "O'Neil",
      optIn: [
        { channel: "voice", subscribed: true, timestamp: "2026-03-02T15:00:00Z", source: "web", ip: "203.0.113.7", text: "Yes, call me" },
        { channel: "sms", subscribed: false, timestamp: "2026-03-02T15:00:00-05:00" },
        { channel: "email", subscribed: true, timestamp: "2026-03-02T15:00:00.000Z" },
      ],
      custom1: "a",
      score: 4.5,
      vip: true,
      cleared: null,
    },
    name: "Application Step 1 Completed",
    properties: { educationalLevel: "college", readytoCommit: true, nested: { list: [1, "two", null] } },
    originalTimestamp: "2026-03-02T15:00:00Z",
    eventSource: "braze",
  };
  const optIn = (fields: Record<string, unknown>) => ({ userId: "u-1", traits: { phone: "+15555550100", optIn: [fields] } });

  it("accepts a minimal and a full request", () => {
    expect(regal(minimal)).toEqual([]);
    expect(regal({ traits: { phone: "+15555550100" } })).toEqual([]);
    expect(regal({ traits: { email: "ann@example.com" } })).toEqual([]);
    expect(regal(full)).toEqual([]);
  });

  it("needs a contact it can identify", () => {
    expect(regal({ name: "Application Step 1 Completed" })).toEqual(["body: no contact identifier (needs userId, traits.phone or traits.email)"]);
    expect(regal({ traits: { firstName: "Ann" } })).toEqual(["body: no contact identifier (needs userId, traits.phone or traits.email)"]);
  });

  it("refuses empty and blank strings, which would overwrite Regal's data", () => {
    expect(regal({ userId: "u-1", traits: { phone: "", firstName: "   ", custom1: "" } })).toEqual([
      "body.traits.phone: must not be empty",
      "body.traits.firstName: must not be only whitespace",
      "body.traits.custom1: must not be empty",
    ]);
    expect(regal({ userId: "" })).toEqual(["body.userId: must not be empty"]);
  });

  it("wants opt-ins with a timestamp and a boolean subscribed", () => {
    expect(regal(optIn({ channel: "voice", subscribed: true }))).toEqual(["body.traits.optIn[0].timestamp: expected a string, got undefined"]);
    expect(regal(optIn({ channel: "voice", subscribed: "true", timestamp: "2026-03-02T15:00:00Z" }))).toEqual([
      'body.traits.optIn[0].subscribed: expected a boolean, got "true"',
    ]);
    expect(regal(optIn({ channel: "voice", subscribed: true, timestamp: "2026-03-02" }))).toEqual([
      'body.traits.optIn[0].timestamp: "2026-03-02" is not an ISO-8601 datetime',
    ]);
    expect(regal(optIn({ channel: "Voice", subscribed: true, timestamp: "2026-03-02T15:00:00Z" }))).toEqual([
      'body.traits.optIn[0].channel: "Voice" is not one of "sms", "voice", "email"',
    ]);
  });

  it("wants the phone number or e-mail address an opt-in is about", () => {
    const body = {
      userId: "u-1",
      traits: { optIn: [{ channel: "sms", subscribed: true, timestamp: "2026-03-02T15:00:00Z" }, { channel: "email", subscribed: true, timestamp: "2026-03-02T15:00:00Z" }] },
    };
    expect(regal(body)).toEqual(["body.traits.optIn[0]: the sms opt-in needs traits.phone", "body.traits.optIn[1]: the email opt-in needs traits.email"]);
  });

  it("takes any other trait as a contact property of a scalar type", () => {
    expect(regal({ userId: "u-1", traits: { plan: { tier: "gold" }, tags: ["a"] } })).toEqual([
      "body.traits.plan: expected a string, a finite number, a boolean or null, got an object",
      "body.traits.tags: expected a string, a finite number, a boolean or null, got an array",
    ]);
  });

  it("checks formats and knows its fields", () => {
    expect(regal({ userId: "u-1", traits: { email: "ann@" }, originalTimestamp: "yesterday", event: "x" })).toEqual([
      'body.traits.email: "ann@" is not an e-mail address',
      'body.originalTimestamp: "yesterday" is not an ISO-8601 datetime',
      "body.event: unexpected key",
    ]);
  });

  it("refuses the body as Braze's page prints it", () => {
    expect(regal('{\n"userId": "u-1", //this is optional\n"traits": {}\n}')).toEqual([
      'body: not JSON: expected a double-quoted property name, got "/" at position 19',
    ]);
  });

  it("refuses an unescaped newline or backslash from a profile", () => {
    expect(regal('{"userId": "u-1", "traits": {"firstName": "Ann\nMarie"}}')).toEqual([
      "body: not JSON: raw newline in a string (must be escaped) at position 46",
    ]);
    expect(regal('{"userId": "u-1", "traits": {"firstName": "Ann\\", "lastName": "Smith"}}')).toEqual([
      'body: not JSON: expected "," or "}", got "l" at position 51',
    ]);
  });

  it("wants the bare API key as Authorization", () => {
    expect(regal(minimal, { headers: { Authorization: "", ...JSON_TYPE } })).toEqual(["headers.Authorization: must not be empty"]);
    expect(regal(minimal, { headers: { Authorization: `Bearer ${contentBlocks.regal_api_key}`, ...JSON_TYPE } })).toEqual([
      "headers.Authorization: must be the API key alone (it contains whitespace)",
    ]);
    expect(regal(minimal, { headers: { Authorization: contentBlocks.regal_api_key } })).toEqual(['headers["Content-Type"]: missing']);
  });

  it("is posted to Regal's one URL", () => {
    expect(regal(minimal, { url: "http://events.regalvoice.com/events" })).toEqual([
      'url: "http://events.regalvoice.com/events" does not start with https://',
    ]);
    expect(regal(minimal, { url: "https://events.regalvoice.com/event" })).toEqual(['url: path "/event" is not /events']);
    expect(regal(minimal, { url: "https://api.regalvoice.com/events" })).toEqual(['url: host "api.regalvoice.com" is not events.regalvoice.com']);
    expect(regal(minimal, { method: "PUT" })).toEqual(['method: expected POST, got "PUT"']);
  });
});

describe("zendesk/create-ticket", () => {
  const authorization = `Basic ${Buffer.from(contentBlocks.zendesk_api_credential).toString("base64")}`;
  const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;
  const zendesk = checker(ZendeskCreateTicketRequest, {
    method: "POST",
    url: "https://acme.zendesk.com/api/v2/tickets.json",
    headers: { Authorization: authorization, ...JSON_TYPE },
  });
  const minimal: ZendeskCreateTicketBody = { ticket: { comment: { body: "Please follow up." }, requester: { email: "ann@example.com" } } };
  const full: ZendeskCreateTicketBody = {
    ticket: {
      comment: { body: "The user answered no.\nPlease follow up.", html_body: "<p>The user answered no.</p>", public: false, author_id: 901 },
      requester: { name: "Ann O'Neil", email: "ann@example.com", locale_id: 1 },
      subject: "Negative answer to the in-app survey",
      type: "task",
      priority: "urgent",
      status: "new",
      tags: ["braze", "survey_no"],
      external_id: "u-1",
      custom_fields: [
        { id: 360001, value: "gold" },
        { id: 360002, value: 3 },
        { id: 360003, value: true },
        { id: 360004, value: null },
        { id: 360005, value: ["a", "b"] },
      ],
      due_at: "2026-03-09T17:00:00Z",
    },
  };
  const ticket = (fields: Record<string, unknown>) => ({ ticket: { comment: { body: "Please follow up." }, requester_id: 42, ...fields } });

  it("accepts a minimal and a full request", () => {
    expect(zendesk(minimal)).toEqual([]);
    expect(zendesk(ticket({}))).toEqual([]);
    expect(zendesk(full)).toEqual([]);
  });

  it("needs exactly one requester", () => {
    expect(zendesk({ ticket: { comment: { body: "x" } } })).toEqual(["body.ticket: no requester (needs requester or requester_id)"]);
    expect(zendesk(ticket({ requester: { email: "ann@example.com" } }))).toEqual(["body.ticket: both requester and requester_id (send exactly one)"]);
  });

  it("takes Zendesk's integer user id, not the Braze one", () => {
    expect(zendesk(ticket({ requester_id: "u-1" }))).toEqual(['body.ticket.requester_id: expected an integer, got "u-1"']);
  });

  it("knows the requester's fields", () => {
    expect(zendesk(ticket({ requester_id: undefined, requester: { name: "Ann", email: "ann@example.com", phone: "+15555550100" } }))).toEqual([
      "body.ticket.requester.phone: unexpected key",
    ]);
    expect(zendesk(ticket({ requester_id: undefined, requester: { name: "Ann" } }))).toEqual([
      "body.ticket.requester.email: expected a string, got undefined",
    ]);
  });

  it("takes the enumerations in lower case only", () => {
    expect(zendesk(ticket({ status: "New", type: "question/incident/task/problem", priority: "URGENT" }))).toEqual([
      'body.ticket.type: "question/incident/task/problem" is not one of "problem", "incident", "question", "task"',
      'body.ticket.priority: "URGENT" is not one of "urgent", "high", "normal", "low"',
      'body.ticket.status: "New" is not one of "new", "open", "pending", "hold", "solved", "closed"',
    ]);
  });

  it("needs a comment that says something", () => {
    expect(zendesk(ticket({ comment: {} }))).toEqual(["body.ticket.comment: needs body or html_body"]);
    expect(zendesk(ticket({ comment: { body: "" }, subject: "" }))).toEqual([
      "body.ticket.comment.body: must not be empty",
      "body.ticket.subject: must not be empty",
    ]);
  });

  it("checks tags, custom fields and the due date", () => {
    expect(zendesk(ticket({ tags: ["survey no", ""], custom_fields: [{ id: 1, value: [1] }, { id: "1", value: "x" }], due_at: "2026-03-09T17:00:00Z" }))).toEqual([
      "body.ticket.tags[0]: must not contain whitespace",
      "body.ticket.tags[1]: must not be empty",
      "body.ticket.custom_fields[0].value[0]: expected a string, got 1",
      'body.ticket.custom_fields[1].id: expected an integer, got "1"',
      'body.ticket.due_at: only a ticket of type "task" has a due date',
    ]);
  });

  it("refuses the body Braze's page renders after its instructions: the captured comment keeps its newlines", () => {
    const rendered =
      '\n\n\n\n\n\n{\n"ticket": {\n"requester_id": "u-1",\n"requester": { "name": "Ann O\'Neil", "email": "ann@example.com", "phone": "+15555550100"},\n' +
      '"type": "question",\n"subject": "Negative answer to the in-app survey",\n' +
      '"comment": { "body": "\nThe user answered no to the in-app survey. Please follow up.\n" },\n"priority": "urgent",\n"status": "New"\n}\n}\n';
    const position = rendered.indexOf('"body": "') + '"body": "'.length;
    expect(zendesk(rendered)).toEqual([`body: not JSON: raw newline in a string (must be escaped) at position ${position}`]);
  });

  it("is posted to the account's subdomain over https", () => {
    expect(zendesk(minimal, { url: "acme.zendesk.com/api/v2/tickets.json" })).toEqual([
      'url: "acme.zendesk.com/api/v2/tickets.json" does not start with https://',
    ]);
    expect(zendesk(minimal, { url: "https://Acme.zendesk.com/api/v2/tickets.json" })).toEqual([
      'url: host "Acme.zendesk.com" is not {subdomain}.zendesk.com ({subdomain}: lower-case letters, digits and hyphens)',
    ]);
    expect(zendesk(minimal, { url: "https://.zendesk.com/api/v2/tickets.json" })).toEqual([
      'url: host ".zendesk.com" is not {subdomain}.zendesk.com ({subdomain}: lower-case letters, digits and hyphens)',
    ]);
    expect(zendesk(minimal, { url: "https://acme-eu2.zendesk.com/api/v2/tickets.json?async=true" })).toEqual([
      'url: unexpected query or fragment "?async=true"',
    ]);
  });

  it('wants "Basic " and the base64 of <email>/token:<api_token>', () => {
    const problemsWith = (value: string) => zendesk(minimal, { headers: { Authorization: value, ...JSON_TYPE } });
    expect(problemsWith(basic("agent@acme.example:password"))).toEqual(["headers.Authorization: the credentials do not decode to <email>/token:<api_token>"]);
    expect(problemsWith(basic("agent/token:zd_sample_token_123"))).toEqual(["headers.Authorization: the credentials do not start with an e-mail address"]);
    expect(problemsWith(`Basic ${contentBlocks.zendesk_api_credential}`)).toEqual(["headers.Authorization: the credentials are not base64-encoded"]);
    expect(problemsWith("Basic %%%")).toEqual(["headers.Authorization: the credentials are not base64"]);
    expect(problemsWith("Basic ")).toEqual(['headers.Authorization: "Basic " is not followed by credentials']);
    expect(problemsWith("")).toEqual(['headers.Authorization: must be "Basic " and the base64 of <email>/token:<api_token>']);
  });

  it("never quotes the credentials back", () => {
    const problems = zendesk(minimal, { headers: { Authorization: `Basic ${contentBlocks.zendesk_api_credential}`, ...JSON_TYPE } });
    expect(problems).toHaveLength(1);
    expect(problems.join("\n")).not.toContain("zd_sample_token_123");
  });
});

describe("rokt/create-event", () => {
  const rokt = checker(RoktCreateEventRequest, {
    method: "POST",
    url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME",
    headers: { Authorization: `Bearer ${roktToken.access_token}`, ...JSON_TYPE },
  });
  const event = {
    eventId: "Event_0001_u-1",
    title: "Kickoff",
    start: "2026-03-02T15:00:00",
    end: "2026-03-02T16:00:00",
    timezone: "Eastern Standard Time",
    notifyBefore: 15,
  } as const;
  const minimal: RoktCreateEventBody = { event, subscriptionIds: [SUBSCRIPTION_ID] };
  const full: RoktCreateEventBody = {
    event: {
      ...event,
      description: "Line 1\nLine 2",
      location: 'Room "A"',
      timezoneIanaId: "America/New_York",
      allDayEvent: false,
      actionType: "add",
      visibleFromDateTimeUtc: "2026-02-23T00:00:00Z",
    },
    subscriptionIds: [SUBSCRIPTION_ID, "b7e4d2a0-1c3f-4e5a-9b8d-6f0e2c4a1d57", "0A9C7E5B-3D1F-4B2A-8C6E-4F2D0B8A6C13"],
  };
  const withEvent = (fields: Record<string, unknown>) => ({ event: { ...event, ...fields }, subscriptionIds: [SUBSCRIPTION_ID] });

  it("accepts a minimal and a full request", () => {
    expect(rokt(minimal)).toEqual([]);
    expect(rokt(full)).toEqual([]);
    expect(rokt(withEvent({ start: "2026-03-02T15:00", end: "2026-03-02T15:00" }))).toEqual([]);
  });

  it("wants notifyBefore as a number of minutes", () => {
    expect(rokt(withEvent({ notifyBefore: "15" }))).toEqual(['body.event.notifyBefore: expected an integer, got "15"']);
    expect(rokt(withEvent({ notifyBefore: 7.5 }))).toEqual(["body.event.notifyBefore: expected an integer, got 7.5"]);
    expect(rokt(withEvent({ notifyBefore: -5 }))).toEqual(["body.event.notifyBefore: -5 < 0"]);
    expect(rokt(withEvent({ notifyBefore: undefined }))).toEqual(["body.event.notifyBefore: expected an integer, got undefined"]);
  });

  it("takes a Windows time-zone id, not an IANA one", () => {
    expect(rokt(withEvent({ timezone: eventProperties("timezone-iana").timezone }))).toEqual([
      'body.event.timezone: "America/New_York" is an IANA id: timezone takes a Windows id such as "Eastern Standard Time" (an IANA id goes in timezoneIanaId)',
    ]);
    expect(rokt(withEvent({ timezone: eventProperties("timezone-bogus").timezone }))).toEqual([
      'body.event.timezone: "Eastern Time" is not a Windows time-zone id such as "Eastern Standard Time"',
    ]);
    expect(rokt(withEvent({ timezone: "eastern standard time" }))).toHaveLength(1);
    expect(rokt(withEvent({ timezone: undefined }))).toEqual([
      'body.event.timezone: expected a Windows time-zone id such as "Eastern Standard Time", got undefined',
    ]);
  });

  it("knows every Windows time-zone id", () => {
    expect(WINDOWS_TIME_ZONES).toHaveLength(139);
    expect(new Set(WINDOWS_TIME_ZONES).size).toBe(WINDOWS_TIME_ZONES.length);
    expect(WINDOWS_TIME_ZONES).toEqual(
      expect.arrayContaining(["Eastern Standard Time", "Pacific Standard Time", "GMT Standard Time", "W. Europe Standard Time", "AUS Eastern Standard Time", "UTC"]),
    );
    const refused = WINDOWS_TIME_ZONES.filter((timezone) => rokt(withEvent({ timezone })).length > 0);
    expect(refused).toEqual([]);
  });

  it("wants local date-times, the end not before the start", () => {
    expect(rokt(withEvent({ end: "2026-03-02T14:00:00" }))).toEqual(['body.event.end: "2026-03-02T14:00:00" is before start "2026-03-02T15:00:00"']);
    expect(rokt(withEvent({ start: "2026-03-02T15:00:00Z" }))).toEqual([
      'body.event.start: "2026-03-02T15:00:00Z" ends in Z: Rokt takes the local time in timezone, without offset',
    ]);
    expect(rokt(withEvent({ start: "2026-03-02T15:00:00-05:00", end: "2026-03-02 16:00" }))).toEqual([
      'body.event.start: "2026-03-02T15:00:00-05:00" is not a local date-time YYYY-MM-DDTHH:MM[:SS]',
      'body.event.end: "2026-03-02 16:00" is not a local date-time YYYY-MM-DDTHH:MM[:SS]',
    ]);
    expect(rokt(withEvent({ end: undefined }))).toEqual(["body.event.end: expected a string, got undefined"]);
  });

  it("needs an id and a title that say something", () => {
    expect(rokt(withEvent({ title: undefined, eventId: "" }))).toEqual([
      "body.event.eventId: must not be empty",
      "body.event.title: expected a string, got undefined",
    ]);
    expect(rokt(withEvent({ eventStart: "2026-03-02T15:00:00" }))).toEqual(["body.event.eventStart: unexpected key"]);
  });

  it("needs subscription ids that are UUIDs", () => {
    expect(rokt({ event, subscriptionIds: [""] })).toEqual(['body.subscriptionIds[0]: "" is not a UUID']);
    expect(rokt({ event, subscriptionIds: [] })).toEqual(["body.subscriptionIds: must not be empty"]);
    expect(rokt({ event })).toEqual(["body.subscriptionIds: expected an array, got undefined"]);
  });

  it("refuses the body Braze's page renders for an ordinary profile only for notifyBefore", () => {
    const rendered =
      "\n\n\n\n\n\n\n\n{\n\"event\": {\n\"eventId\": \"Event_0001_u-1\",\n\"title\": \"Event Title\",\n\"description\": \"Event Description\",\n" +
      '"location": "Event Location",\n"start": "2019-02-21T15:00:00",\n"end": "2019-02-21T15:00:00",\n"timezone": "Eastern Standard Time",\n' +
      `"notifyBefore": "15"\n},\n"subscriptionIds": ["${SUBSCRIPTION_ID}"]\n}\n`;
    expect(rokt(rendered)).toEqual(['body.event.notifyBefore: expected an integer, got "15"']);
  });

  it("is posted to exactly one account-code segment", () => {
    const base = "https://api.roktcalendar.com/v1/subscriptionevent";
    expect(rokt(minimal, { url: `${base}/` })).toEqual(['url: empty {accountCode} in path "/v1/subscriptionevent/"']);
    expect(rokt(minimal, { url: `${base}/ACME/EU` })).toEqual(['url: path "/v1/subscriptionevent/ACME/EU" is not /v1/subscriptionevent/{accountCode}']);
    expect(rokt(minimal, { url: `${base}/ACME%2FEU` })).toEqual([]);
    expect(rokt(minimal, { url: `${base}/a b` })).toEqual(["url: contains a raw space"]);
    expect(rokt(minimal, { url: `${base}/ACME\n` })).toEqual(["url: contains a raw newline"]);
    expect(rokt(minimal, { url: `${base}/{{accountCode}}` })).toEqual(['url: contains a raw "{"', 'url: contains a raw "}"']);
    expect(rokt(minimal, { url: `${base}/100%` })).toEqual(['url: "%" is not followed by two hex digits']);
    expect(rokt(minimal, { url: "api.roktcalendar.com/v1/subscriptionevent/ACME" })).toEqual([
      'url: "api.roktcalendar.com/v1/subscriptioneven…" (46 chars) does not start with https://',
    ]);
  });

  it('wants "Bearer " and the token', () => {
    const problemsWith = (headers: Record<string, string>) => rokt(minimal, { headers });
    expect(problemsWith({ Authorization: `Bearer ${roktTokenError.access_token ?? ""}`, ...JSON_TYPE })).toEqual([
      'headers.Authorization: "Bearer " is not followed by a token',
    ]);
    expect(problemsWith({ Authorization: roktToken.access_token ?? "", ...JSON_TYPE })).toEqual(['headers.Authorization: must be "Bearer <token>"']);
    expect(problemsWith({ Authorization: "Bearer a b", ...JSON_TYPE })).toEqual(["headers.Authorization: the token contains whitespace"]);
    expect(problemsWith(JSON_TYPE)).toEqual(["headers.Authorization: missing"]);
  });

  it("matches header names in any case, and wants JSON", () => {
    const authorization = `Bearer ${roktToken.access_token}`;
    expect(rokt(minimal, { headers: { authorization, "content-type": "application/json; charset=utf-8" } })).toEqual([]);
    expect(rokt(minimal, { headers: { authorization, "Content-Type": "text/plain" } })).toEqual([
      'headers["Content-Type"]: expected application/json, got "text/plain"',
    ]);
    expect(rokt(minimal, { headers: { authorization, "Content-Type": "application/json", "content-type": "application/json" } })).toEqual([
      'headers["Content-Type"]: sent 2 times ("Content-Type", "content-type")',
    ]);
  });

  it("reports every problem in request order", () => {
    expect(rokt(withEvent({ notifyBefore: "15" }), { method: "GET", url: "https://api.roktcalendar.com/v1/subscriptionevent/", headers: {} })).toEqual([
      'method: expected POST, got "GET"',
      'url: empty {accountCode} in path "/v1/subscriptionevent/"',
      "headers.Authorization: missing",
      'headers["Content-Type"]: missing',
      'body.event.notifyBefore: expected an integer, got "15"',
    ]);
  });
});

describe("rokt/update-event", () => {
  const update = checker(RoktUpdateEventRequest, {
    method: "POST",
    url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME/update",
    headers: { Authorization: `Bearer ${roktToken.access_token}`, ...JSON_TYPE },
  });
  const event = {
    eventId: "Event_0001_u-1",
    title: "Kickoff (moved)",
    start: "2026-03-03T15:00:00",
    end: "2026-03-03T16:00:00",
    timezone: "Eastern Standard Time",
    notifyBefore: 30,
  } as const;
  const minimal: RoktUpdateEventBody = { event };
  const full: RoktUpdateEventBody = { event: { ...event, description: "Now on Tuesday", allDayEvent: false }, subscriptionIds: [SUBSCRIPTION_ID] };

  it("accepts a minimal and a full request", () => {
    expect(update(minimal)).toEqual([]);
    expect(update(full)).toEqual([]);
  });

  it("follows Braze's page: the event is wrapped in `event`", () => {
    expect(update(event)).toEqual([
      "body.event: expected an object, got undefined",
      "body.eventId: unexpected key",
      "body.title: unexpected key",
      "body.start: unexpected key",
      "body.end: unexpected key",
      "body.timezone: unexpected key",
      "body.notifyBefore: unexpected key",
    ]);
  });

  it("checks the event as creation does", () => {
    expect(update({ event: { ...event, notifyBefore: "30" } })).toEqual(['body.event.notifyBefore: expected an integer, got "30"']);
    expect(update({ event, subscriptionIds: [""] })).toEqual(['body.subscriptionIds[0]: "" is not a UUID']);
  });

  it("is posted to …/{accountCode}/update", () => {
    expect(update(minimal, { url: "https://api.roktcalendar.com/v1/subscriptionevent//update" })).toEqual([
      'url: empty {accountCode} in path "/v1/subscriptionevent//update"',
    ]);
    expect(update(minimal, { url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME" })).toEqual([
      'url: path "/v1/subscriptionevent/ACME" is not /v1/subscriptionevent/{accountCode}/update',
    ]);
    expect(update(minimal, { url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME/EU/update" })).toEqual([
      'url: path "/v1/subscriptionevent/ACME/EU/update" is not /v1/subscriptionevent/{accountCode}/update',
    ]);
  });
});

describe("a body that is not JSON", () => {
  const regal = checker(RegalEventsRequest, {
    method: "POST",
    url: "https://events.regalvoice.com/events",
    headers: { Authorization: contentBlocks.regal_api_key, ...JSON_TYPE },
  });

  it.each([
    ["", "unexpected end of input at position 0"],
    ["<< Choose one >>\n{}", 'unexpected "<" at position 0'],
    ['{"userId": "u-1"} x', 'unexpected "x" after the JSON value at position 18'],
    ['{"userId": "u-1",}', 'expected a double-quoted property name, got "}" at position 17'],
    ["{'userId': 'u-1'}", `expected a double-quoted property name, got "'" at position 1`],
    ['{"userId" "u-1"}', 'expected ":" after a property name, got "\\"" at position 10'],
    ['{"userId": "u-1"', 'expected "," or "}", got end of input at position 16'],
    ['{"userId": "u-1', "unterminated string at position 15"],
    ['{"userId": "u\\q"}', 'bad escape "\\\\q" at position 13'],
    ['{"userId": "u\\u12"}', 'bad escape "\\\\u" at position 13'],
    ['{"userId": "u\u0001"}', "raw U+0001 in a string (must be escaped) at position 13"],
    ['{"userId": "u-1", "properties": {"n": 01}}', 'expected "," or "}", got "1" at position 39'],
    ['{"userId": "u-1", "properties": {"n": -}}', "bad number at position 38"],
    ['{"userId": "u-1", "properties": {"n": [1,]}}', 'unexpected "]" at position 41'],
    ['{"userId": "🎉", x}', 'expected a double-quoted property name, got "x" at position 17'],
    ['{"userId": "u-1", "traits": tru}', 'unexpected "t" at position 28'],
  ])("%j: %s", (body, syntax) => {
    expect(regal(body)).toEqual([`body: not JSON: ${syntax}`]);
  });

  it("is told apart from JSON that only looks unusual", () => {
    const body = ' \r\n\t{"userId":"u\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t","properties":{"n":-0.5e+10,"m":0,"e":1E3,"l":[[],{},true,false,null]}} \n';
    expect(JSON.parse(body)).toBeTruthy();
    expect(regal(body)).toEqual([]);
  });
});

describe("webhook fixtures", () => {
  /** The files a README lists as "- `name`: …". */
  const listed = (readme: string) => [...readFileSync(join(WEBHOOK_FIXTURES, readme), "utf8").matchAll(/^- `([^`]+)`/gm)].map((match) => match[1]);

  it.each(["profiles", "events", "connected"])("%s/README.md names every file there, and only those", (folder) => {
    const files = readdirSync(join(WEBHOOK_FIXTURES, folder)).filter((file) => file !== "README.md");
    expect(listed(`${folder}/README.md`).sort()).toEqual(files.sort());
  });

  it("profiles hold standard attributes by their Liquid names and custom ones under custom_attributes", () => {
    const standard = ["user_id", "first_name", "last_name", "email_address", "phone_number", "custom_attributes"];
    for (const file of readdirSync(join(WEBHOOK_FIXTURES, "profiles")).filter((name) => name.endsWith(".json"))) {
      const profile = fixture<Record<string, unknown>>(`profiles/${file}`);
      expect(Object.keys(profile).filter((key) => !standard.includes(key)), file).toEqual([]);
    }
  });
});
