import { describe, expect, it, vi } from "vitest";
import { LiquidTemplateError, parseProfile, renderField, renderWebhook, type WebhookFields } from "../../liquid";
import { contextWith, render, renderError } from "./support";

const ROKT_WEBHOOK: WebhookFields = {
  method: "POST",
  url: "{% assign accountCode = {{custom_attribute.${rokt:account_code}}}[0] | split: '/' | first %}https://api.roktcalendar.com/v1/subscriptionevent/{{accountCode}}",
  headers: {
    Authorization:
      "Bearer {% connected_content https://api.roktcalendar.com/oauth2/token :method post :basic_auth rokt_calendar_api :body grant_type=client_credentials :save token :retry %}{{token.access_token}}",
    "Content-Type": "application/json",
  },
  body: '{"eventId": "{{${user_id}}}", "account": "{{accountCode}}", "token": "{{token.access_token}}"}',
};

describe("renderWebhook", () => {
  it("renders URL, each header and body, each in its own scope", async () => {
    const result = await renderWebhook(ROKT_WEBHOOK, contextWith({ connected: { token: { access_token: "tok-1" } } }));
    expect(result).toEqual({
      sent: true,
      method: "POST",
      url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME",
      headers: { Authorization: "Bearer tok-1", "Content-Type": "application/json" },
      // accountCode was assigned in the URL and token saved in a header: neither exists in the body.
      body: '{"eventId": "u-1", "account": "", "token": ""}',
      calls: [
        {
          field: "headers.Authorization",
          url: "https://api.roktcalendar.com/oauth2/token",
          method: "POST",
          body: "grant_type=client_credentials",
          credential: "rokt_calendar_api",
          save: "token",
          retry: true,
        },
      ],
    });
  });

  it("stops at the first field that aborts and names it", async () => {
    const webhook: WebhookFields = {
      method: "POST",
      url: "https://example.com",
      headers: { "X-Phone": "{% if ${phone_number} == blank %}{% abort_message('no phone') %}{% endif %}{{${phone_number}}}" },
      body: "{% abort_message('body never renders') %}",
    };
    expect(await renderWebhook(webhook, contextWith())).toEqual({ sent: false, field: "headers.X-Phone", reason: "no phone", calls: [] });
  });

  it("names the field of a template error", async () => {
    const webhook: WebhookFields = { method: "GET", url: "https://example.com", headers: { Authorization: "{{ 'x' | jsonify }}" }, body: "" };
    const error = await renderWebhook(webhook, contextWith()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LiquidTemplateError);
    expect(error).toMatchObject({ field: "headers.Authorization", message: expect.stringMatching(/^headers\.Authorization: filter "jsonify"/) });
  });

  it("uses one send time for every field", async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
    try {
      // The clock moves on while the header renders: the body must still see the send time.
      const connected = {
        get later() {
          vi.setSystemTime(Date.UTC(2030, 0, 1));
          return {};
        },
      };
      const year = "{{ 'now' | date: '%Y' }}";
      const webhook: WebhookFields = { method: "GET", url: year, headers: { X: `{% connected_content https://example.com :save later %}${year}` }, body: year };
      expect(await renderWebhook(webhook, { user: contextWith().user, connected })).toMatchObject({ url: "2025", headers: { X: "2025" }, body: "2025" });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("renderField", () => {
  it("starts each render with a fresh scope", async () => {
    const context = contextWith();
    expect((await renderField("{% assign seen = 'yes' %}{{ seen }}", context, "url")).sent).toBe(true);
    expect(await renderField("[{{ seen }}]", context, "body")).toEqual({ sent: true, text: "[]", calls: [] });
  });

  it("reports Liquid syntax errors with the field and the position in the text as written", async () => {
    expect(await renderError("{{custom_attribute.${a b}}} {% if %}")).toBe('body: invalid value expression: "" (line 1, col 34): fix the Liquid syntax');
    expect(await renderError("ok\n{{ ${first_name} ")).toBe('body: output "{{ ${first_name} " not closed (line 2, col 1): fix the Liquid syntax');
    expect(await renderError("{% unknown_tag %}")).toBe('body: tag "unknown_tag" is not a Liquid tag Braze supports (line 1, col 1): check the tag\'s name');
  });

  it("refuses Braze tags a local render cannot do and file tags", async () => {
    expect(await renderError("{% catalog_items games 1234 %}")).toBe('body: tag "catalog_items" reads Braze data a local render does not have (line 1, col 1): render this template in Braze');
    expect(await renderError("{% promotion('spring') %}")).toMatch(/^body: tag "promotion" reads Braze data/);
    expect(await renderError("{% render 'footer' %}")).toMatch(/^body: tag "render" loads a template file/);
    expect(await renderError("{% layout 'x' %}")).toMatch(/^body: tag "layout" is not a Liquid tag Braze supports/);
  });

  it("uses Ruby truthiness: empty strings and 0 are true, nil and false are not", async () => {
    expect(await render("{% if '' %}a{% endif %}{% if 0 %}b{% endif %}{% if nil %}c{% endif %}{% if false %}d{% endif %}")).toBe("ab");
  });

  it("treats blank as Ruby does: nil, false, whitespace-only text, empty arrays and hashes", async () => {
    const user = parseProfile({ first_name: "  ", custom_attributes: { none: [], empty: {}, off: false, some: ["x"] } }, "test.json").profile;
    const template =
      "{% if ${first_name} == blank %}1{% endif %}{% if custom_attribute.${none} == blank %}2{% endif %}{% if custom_attribute.${empty} == blank %}3{% endif %}" +
      "{% if custom_attribute.${off} == blank %}4{% endif %}{% if custom_attribute.${missing} == blank %}5{% endif %}{% if custom_attribute.${some} == blank %}6{% endif %}";
    expect(await render(template, { user })).toBe("12345");
  });

  it("does not crash on odd attribute values", async () => {
    const user = parseProfile(
      { first_name: ["A", "B"], last_name: { nested: true }, city: 12, country: true, custom_attributes: { n: null, deep: [[1, [2]], { a: 1 }] } },
      "test.json",
    ).profile;
    const template =
      "{{${first_name} | upcase | json_escape}}|{{${last_name} | url_param_escape}}|{{${city} | split: '' | join: '-'}}|{{${country} | base64_encode}}" +
      "|{{custom_attribute.${n} | size}}|{{custom_attribute.${deep} | sha1 | size}}|{{${last_name}.nested}}|{{custom_attribute.${deep}[0][1][0]}}";
    expect(await render(template, { user })).toBe("AB|%7B%22nested%22%3D%3Etrue%7D|1-2|dHJ1ZQ==|0|40|true|2");
  });
});
