import { describe, expect, it } from "vitest";
import { renderField } from "../../liquid";
import { contextWith, render, renderError } from "./support";

const ROKT_TOKEN_CALL =
  "{% connected_content https://api.roktcalendar.com/oauth2/token :method post :basic_auth rokt_calendar_api :body grant_type=client_credentials :save token :retry %}";

describe("connected_content", () => {
  it("saves a JSON object response under :save, with __http_status_code__ 200", async () => {
    const connected = { token: { access_token: "tok-1" } };
    expect(await render(`Bearer ${ROKT_TOKEN_CALL}{{token.access_token}} {{token.__http_status_code__}}`, { connected })).toBe("Bearer tok-1 200");
  });

  it("saves a JSON response under the default name connected when there is no :save", async () => {
    const connected = { connected: { items: ["a", "b"] } };
    expect(await render("{% connected_content https://example.com/items %}{{ connected.items | join: ',' }}", { connected })).toBe("a,b");
  });

  it("adds no status code to a JSON response that is not an object", async () => {
    const connected = { list: ["x", "y"] };
    expect(await render("{% connected_content https://example.com/list :save list %}{{ list.size }}:{{ list | join: '' }}", { connected })).toBe("2:xy");
  });

  it("inserts a non-JSON response as text without :save, and saves it as text with :save", async () => {
    expect(await render("[{% connected_content https://example.com/motd %}]", { connected: { connected: "Hello there" } })).toBe("[Hello there]");
    expect(await render("[{% connected_content https://example.com/motd :save motd %}]{{ motd | upcase }}", { connected: { motd: "hi" } })).toBe("[]HI");
  });

  it("records the call: the URL and body rendered as Liquid, method, credential, headers, save, retry, cache", async () => {
    const template =
      "{% connected_content https://api.example.com/users/{{${user_id}}}?src={{custom_attribute.${lead_source}}} :method POST :body id={{${user_id}}}&kind=lead" +
      ' :content_type application/json :headers {"X-User": "{{${first_name}}}"} :auth_credentials example_api :save user :cache_max_age 900 %}';
    const result = await renderField(template, contextWith({ connected: { user: {} } }), "headers.Authorization");
    expect(result.calls).toEqual([
      {
        field: "headers.Authorization",
        url: "https://api.example.com/users/u-1?src=web",
        method: "POST",
        body: "id=u-1&kind=lead",
        contentType: "application/json",
        headers: { "X-User": "Ann" },
        credential: "example_api",
        save: "user",
        retry: false,
        cacheMaxAge: 900,
      },
    ]);
  });

  it("records a GET with the default save name, the :basic_auth credential and :retry", async () => {
    const result = await renderField(
      "{% connected_content https://example.com/a :basic_auth partner_api :retry :no_cache %}",
      contextWith({ connected: { connected: {} } }),
      "url",
    );
    expect(result.calls).toEqual([{ field: "url", url: "https://example.com/a", method: "GET", credential: "partner_api", save: "connected", retry: true }]);
  });

  it("fails without a fixture, naming the URL and the save name and saying how to provide one", async () => {
    expect(await renderError(`x ${ROKT_TOKEN_CALL}`)).toBe(
      'body: connected_content call to "https://api.roktcalendar.com/oauth2/token" (:save token) has no response fixture (line 1, col 3): provide the response with --connected token=response.json',
    );
  });

  it("refuses an option Braze does not have, and malformed options", async () => {
    expect(await renderError("{% connected_content https://example.com :verb post %}")).toMatch(/^body: connected_content has no option ":verb" \(line 1, col 1\): use :method /);
    expect(await renderError("{% connected_content https://example.com :method put %}")).toMatch(/:method "put" is not GET or POST/);
    expect(await renderError("{% connected_content https://example.com :save %}")).toMatch(/option ":save" needs a value/);
    expect(await renderError("{% connected_content https://example.com :retry 3 %}")).toMatch(/option ":retry" takes no value/);
    expect(await renderError("{% connected_content :save x %}")).toMatch(/connected_content needs a URL/);
    expect(await renderError("{% connected_content https://e.com :headers {nope} :save h %}", { connected: { h: {} } })).toMatch(
      /:headers "\{nope\}" is not a JSON object of strings/,
    );
  });

  it("reports a Liquid error inside its URL at its place in the field", async () => {
    expect(await renderError("\n{% connected_content https://example.com/{{ ${user_id} | lstrip }} %}")).toMatch(
      /^body: filter "lstrip" is not one of Braze's filters \(line 2, col 42\)/,
    );
  });
});
