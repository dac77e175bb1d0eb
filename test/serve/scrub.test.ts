import { describe, expect, test } from "vitest";
import { scrub } from "../../serve/scrub";
import { discoverFixtures } from "../support/fixtures";
import { documentedPayload } from "./serve-project";

const salt = "test-salt";

/** Every string anywhere in a value, keys excluded. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

const PERSONAL = ["Rebecca", "Greene", "xxx@example.com", "xxx@yourbrand.com", "+17625551796", "+176255517965", "+19545558563"];

describe("scrub", () => {
  test("replaces names, e-mails and phones in every field, and keeps ids, timestamps and the event field", () => {
    const payload = documentedPayload();
    const scrubbed = scrub(payload, { salt, keep: ["name"] });
    const text = JSON.stringify(scrubbed);
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(scrubbed).toMatchObject({
      userId: "123",
      name: "call.completed",
      originalTimestamp: "1657855059",
      eventId: "f49a3cf9cb1336683bd5f19db4c61148",
      traits: { email: expect.stringMatching(/^user-[0-9a-f]{8}@example\.com$/), phone: expect.stringMatching(/^\+1555\d{7}$/) },
      properties: { agent_firstname: expect.stringMatching(/^Name-[0-9a-f]{8}$/), call_id: "WTxxxxx9", started_at: 1657855046, talk_time: 7, conversation_happened: true, campaign_name: "Life Insurance Quote Follow Up" },
    });
  });

  test("is deterministic: the same value gets the same replacement everywhere, and another salt another one", () => {
    const payload = { traits: { email: "Ann@Acme.io" }, contact_email: "ann@acme.io", notes: "write to ann@acme.io", first_name: "Ann", agent_name: "Ann" };
    const once = scrub(payload, { salt });
    expect(scrub(payload, { salt })).toEqual(once);
    expect(once.contact_email).toBe(once.traits.email);
    expect(once.notes).toContain(once.contact_email);
    expect(once.first_name).toBe(once.agent_name);
    expect(scrub(payload, { salt: "another" }).contact_email).not.toBe(once.contact_email);
  });

  test("keeps the shape a snippet acts on: e-mail validity, E.164 length, free text length, placeholders", () => {
    const scrubbed = scrub(
      {
        email: "agent1@00d3h000003wchsea2",
        contact_phone: "+176255517965",
        phone: "(415) 555-0123",
        placeholder_phone: "+1XXXXXXXXXX",
        notes: "Called Joe Smith twice, he'll call back ☺️",
        summary: "",
        comment: "null",
      },
      { salt },
    );
    expect(scrubbed.email).toMatch(/^user-[0-9a-f]{8}@example$/);
    expect(scrubbed.contact_phone).toMatch(/^\+1555\d{8}$/);
    expect(scrubbed.phone).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    expect(scrubbed.phone).not.toBe("(415) 555-0123");
    expect(scrubbed.placeholder_phone).toBe("+1XXXXXXXXXX");
    expect(scrubbed.notes).toHaveLength("Called Joe Smith twice, he'll call back ☺️".length);
    expect(scrubbed.notes).not.toMatch(/Joe|Smith/);
    expect(scrubbed.notes.endsWith("☺️")).toBe(true);
    expect([scrubbed.summary, scrubbed.comment]).toEqual(["", "null"]);
  });

  test("finds e-mails, phones and IP addresses by shape under any key, headers included", () => {
    const headers = { "x-forwarded-for": "203.0.113.9, 10.0.0.1", "user-agent": "Zendesk Webhook", "x-contact": "reach me at +14155550123 or bo@corp.example.org" };
    const scrubbed = scrub(headers, { salt });
    expect(scrubbed["x-forwarded-for"]).toMatch(/^192\.0\.2\.\d+, 192\.0\.2\.\d+$/);
    expect(scrubbed["user-agent"]).toBe("Zendesk Webhook");
    expect(scrubbed["x-contact"]).toMatch(/^reach me at \+1555\d{7} or user-[0-9a-f]{8}@example\.com$/);
  });

  test("free text keeps timestamps and ids among its words", () => {
    const scrubbed = scrub({ content: [["2022-07-15 03:17:50", "Contact", "I'm Jane, order 12"]], subject: "zen:ticket:5158", description: "ticket_info_desc_2294a6e9ece2" }, { salt });
    expect(scrubbed.content[0]?.[0]).toBe("2022-07-15 03:17:50");
    expect(scrubbed.content[0]?.[2]).not.toContain("Jane");
    expect(scrubbed.subject).toBe("zen:ticket:5158");
    expect(scrubbed.description).toBe("ticket_info_desc_2294a6e9ece2");
  });

  test("leaves no documented example's names, e-mails or phones, and keeps every number and boolean", () => {
    for (const fixture of discoverFixtures().filter((each) => /-(documented|shape)$/.test(each.name))) {
      const scrubbed = scrub(fixture.data.payload, { salt, keep: ["name", "type", "event"] });
      const left = strings(scrubbed);
      const personal = strings(fixture.data.payload).filter((value) => /@|^\+\d{8,}$/.test(value));
      for (const value of personal) expect(left, `${fixture.source}/${fixture.event}/${fixture.name}`).not.toContain(value);
      const kept = (value: unknown): unknown => (typeof value === "string" ? "" : Array.isArray(value) ? value.map(kept) : typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, kept(v)])) : value);
      expect(kept(scrubbed)).toEqual(kept(fixture.data.payload));
    }
  });
});
