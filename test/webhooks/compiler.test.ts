import { describe, expect, test } from "vitest";
import { RegalEventsRequest } from "../../contract/partners/regal";
import { compileDefinition } from "../../build/webhooks/compile";
import { parseProfile, renderWebhook, type RenderContext } from "../../liquid";
import { PAIRWISE_DIALECTS } from "../liquid/dialects";
import { canvasEntryProperty, connectedContent, customAttribute, eventProperty, joined, text, user } from "../../webhooks/lib/braze";
import type { WebhookDefinition } from "../../webhooks/lib/template";
import { url } from "../../webhooks/lib/url";

/*
 * The compiler on definitions no shipped template has (each shipped one is
 * rendered in templates.test.ts): compiled, then rendered by the Braze layer
 * under every pair of readings of Braze's Liquid, and the body parsed as JSON.
 */
function compile(body: unknown, extra: Partial<WebhookDefinition<unknown>> = {}) {
  const definition = { summary: "test", url: url`https://example.com/hook`, headers: { "Content-Type": "application/json" }, body, ...extra } as WebhookDefinition<unknown>;
  return compileDefinition({ id: "test/hook", partner: "test", sourceFile: "webhooks/test/hook.ts", request: RegalEventsRequest, packageVersion: "0.0.0" }, definition);
}

async function send(body: unknown, context: Partial<RenderContext> & { profile?: unknown } = {}, extra: Partial<WebhookDefinition<unknown>> = {}) {
  const webhook = compile(body, extra);
  const sent = [];
  for (const dialect of PAIRWISE_DIALECTS) {
    const result = await renderWebhook(webhook, { user: parseProfile(context.profile ?? {}, "profile").profile, ...context, dialect });
    sent.push(result.sent ? { sent: true, url: result.url, body: JSON.parse(result.body) as unknown } : { sent: false, reason: result.reason });
  }
  // Every pair of readings of Braze's undocumented Liquid gives the same request.
  for (const other of sent) expect(other).toEqual(sent[0]);
  return sent[0]!;
}

describe("values", () => {
  test("reads Canvas entry properties and a Connected Content answer's fields, making the call once per field", async () => {
    const weather = connectedContent({ url: "https://api.example.com/weather", credential: "weather_api", holds: "the forecast" });
    const body = { plan: canvasEntryProperty("plan tier").text(), sky: weather.field("today.sky").text(), temperature: weather.field("today.max-c").number() };
    expect(compile(body).body.match(/connected_content/g)).toHaveLength(1);
    const connected = { connected_answer: { today: { sky: 'sunny "and" warm', "max-c": 31 } } };
    expect(await send(body, { canvasEntryProperties: { "plan tier": "gold" }, connected })).toEqual({
      sent: true,
      url: "https://example.com/hook",
      body: { plan: "gold", sky: 'sunny "and" warm', temperature: 31 },
    });
  });

  test("sends a number only when it is one, and a boolean only when it is one", async () => {
    const body = {
      count: eventProperty("count").number({ integer: true, min: 0 }),
      ratio: eventProperty("ratio").number(),
      vip: customAttribute("vip").boolean(),
    };
    const sends = async (eventProperties: Record<string, unknown>, custom_attributes: Record<string, unknown>) => send(body, { eventProperties, profile: { custom_attributes } });
    expect(await sends({ count: "15", ratio: -2.5 }, { vip: "true" })).toMatchObject({ body: { count: 15, ratio: -2.5, vip: true } });
    expect(await sends({ count: "15 min", ratio: "1e3" }, { vip: "yes" })).toMatchObject({ body: {} });
    expect(await sends({ count: 1.5, ratio: "015" }, { vip: 1 })).toMatchObject({ body: {} });
    expect(await sends({ count: -1, ratio: "Infinity" }, { vip: false })).toMatchObject({ body: { vip: false } });
  });

  test("joins the names there are and stops on text missing a part", async () => {
    const body = { name: joined(" ", user("first_name"), user("last_name")), key: text`${user("user_id")}/${customAttribute("region").text()}`.required("the key names the record") };
    expect(await send(body, { profile: { user_id: "u 1", last_name: " Lee ", custom_attributes: { region: "eu" } } })).toMatchObject({ body: { name: "Lee", key: "u 1/eu" } });
    expect(await send(body, { profile: { user_id: "u-1" } })).toEqual({ sent: false, reason: "test/hook: user_id or custom attribute region is missing: the key names the record" });
  });

  test("tells a value that is missing from one that is there but wrong", async () => {
    const body = { zone: eventProperty("zone").text().oneOf(["UTC", "Romance Standard Time"], "zones").stopIfInvalid("the zone sets the time").or("UTC") };
    expect(await send(body, { eventProperties: {} })).toMatchObject({ body: { zone: "UTC" } });
    expect(await send(body, { eventProperties: { zone: "Romance Standard Time" } })).toMatchObject({ body: { zone: "Romance Standard Time" } });
    expect(await send(body, { eventProperties: { zone: "Europe/Paris" } })).toEqual({ sent: false, reason: "test/hook: event property zone (one of the zones) is not valid: the zone sets the time" });
  });

  test("keeps list items that are UUIDs and, when two attributes line up, those paired with the value sent", async () => {
    const [a, b] = ["3f2b8c1e-9d4a-4f6b-8e2a-7c5d1b0a9e34", "B7E4D2A0-1C3F-4E5A-9B8D-6F0E2C4A1D57"];
    const account = customAttribute("accounts").firstItem();
    const body = { account: account.required("x"), ids: customAttribute("ids").list({ uuid: true, pairedWith: { items: customAttribute("accounts").text(), equals: account } }) };
    expect(await send(body, { profile: { custom_attributes: { accounts: ["one", "two"], ids: [a, b] } } })).toMatchObject({ body: { account: "one", ids: [a] } });
    expect(await send(body, { profile: { custom_attributes: { accounts: ["one"], ids: [a, "not-a-uuid", b, ""] } } })).toMatchObject({ body: { account: "one", ids: [a, b] } });
    expect(await send(body, { profile: { custom_attributes: { accounts: "one", ids: [] } } })).toMatchObject({ body: { account: "one" } });
  });
});

describe("JSON", () => {
  test("leaves out each missing field with its comma, in objects with and without fields always sent", async () => {
    const body = { always: "x", a: user("first_name"), nested: { b: user("last_name"), c: user("city") }, list: [1, "two", true, null] };
    expect(await send(body, { profile: { city: "Paris" } })).toMatchObject({ body: { always: "x", nested: { c: "Paris" }, list: [1, "two", true, null] } });
    expect(await send(body, {})).toMatchObject({ body: { always: "x", nested: {} } });
  });

  test("sends literals that look like Liquid as they are", async () => {
    expect(await send({ note: "{{ first_name }} {% abort_message('no') %}", "{{key}}": 1 }, {})).toMatchObject({ body: { note: "{{ first_name }} {% abort_message('no') %}", "{{key}}": 1 } });
  });

  test("escapes every value, whatever json_escape does with control characters", async () => {
    const name = 'a"b\\c\nd\r\ne\tf\u0000g\u001bh\u2028i😀';
    expect(await send({ name: user("first_name") }, { profile: { first_name: name } })).toMatchObject({ body: { name } });
  });
});

describe("what the compiler refuses", () => {
  test.each([
    ["an optional value in an array", { ids: [user("user_id")] }, {}, "test/hook: body.ids: an array item must always be there: give it a fallback or make it required"],
    ["a list in the URL", {}, { url: url`https://example.com/${customAttribute("ids").list().required("x") as never}` }, "test/hook: a list cannot go into the URL"],
    ["an attribute name with }", { a: customAttribute("a}b").text() }, {}, '"a}b": Braze attribute names in Liquid cannot contain "}"'],
    ["a number that is not finite", { a: Number.POSITIVE_INFINITY }, {}, "test/hook: body.a: Infinity is not a JSON number"],
    ["a Connected Content URL with Liquid", { a: connectedContent({ url: "https://x.example/{{id}}", holds: "x" }).field("a").text() }, {}, 'test/hook: connected content URL "https://x.example/{{id}}" must be https:// without spaces or Liquid'],
  ])("%s", (_, body, extra, message) => {
    expect(() => compile(body, extra as Partial<WebhookDefinition<unknown>>)).toThrow(message);
  });
});
