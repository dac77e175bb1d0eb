import { describe, expect, it } from "vitest";
import { parseProfile } from "../../liquid";
import { render, renderError } from "./support";

const withCustom = (customAttributes: Record<string, unknown>, standard: Record<string, unknown> = {}) => ({
  user: parseProfile({ ...standard, custom_attributes: customAttributes }, "test.json").profile,
});

describe("${…} attribute names", () => {
  it("read standard attributes bare, with or without blanks inside the braces", async () => {
    expect(await render("{{${first_name}}} {{ ${last_name} }}")).toBe("Ann O'Neil");
  });

  it("may hold spaces, colons, non-ASCII and both quote characters", async () => {
    const user = withCustom({ "zip code": "75001", "rokt:account_code": "ACME", "ville préférée": "Lyon", [`it's "quoted"`]: "yes", "back\\slash": "b" });
    expect(await render("{{custom_attribute.${zip code}}}", user)).toBe("75001");
    expect(await render("{{custom_attribute.${rokt:account_code}}}", user)).toBe("ACME");
    expect(await render("{{custom_attribute.${ville préférée}}}", user)).toBe("Lyon");
    expect(await render(`{{custom_attribute.\${it's "quoted"}}}`, user)).toBe("yes");
    expect(await render("{{custom_attribute.${back\\slash}}}", user)).toBe("b");
  });

  it("work in tags: if, for, case, assign", async () => {
    const user = withCustom({ tier: "gold", items: ["a", "b"] }, { first_name: "" });
    expect(await render("{% if custom_attribute.${tier} == 'gold' %}G{% endif %}", user)).toBe("G");
    expect(await render("{% for item in custom_attribute.${items} %}<{{item}}>{% endfor %}", user)).toBe("<a><b>");
    expect(await render("{% case custom_attribute.${tier} %}{% when 'gold' %}G{% else %}?{% endcase %}", user)).toBe("G");
    expect(await render("{% if ${first_name} == blank %}blank{% endif %}", user)).toBe("blank");
  });

  it("work in echo, {% liquid %} and with whitespace control", async () => {
    expect(await render("{% echo custom_attribute.${lead_source} %}|{% liquid\n assign x = ${first_name}\n echo x | upcase\n%}")).toBe("web|ANN");
    expect(await render("[ {{- ${first_name} -}} ]{%- assign v = {{- custom_attribute.${lead_source} -}} -%}[{{v}}]")).toBe("[Ann][web]");
  });

  it("are not rewritten inside string literals, {% raw %} or comments", async () => {
    expect(await render("{{ '${first_name}' }}")).toBe("${first_name}");
    expect(await render("{% raw %}{{${first_name}}}{% endraw %}")).toBe("{{${first_name}}}");
    expect(await render("{% comment %}{{campaign.${name}}}{% endcomment %}{% # {{campaign.${name}}} %}ok")).toBe("ok");
  });
});

describe("namespaces", () => {
  it("read custom attributes, event properties, canvas entry properties (also as context)", async () => {
    const context = { eventProperties: { sku: "A-1" }, canvasEntryProperties: { plan: "pro" } };
    expect(await render("{{custom_attribute.${lead_source}}}|{{event_properties.${sku}}}", context)).toBe("web|A-1");
    expect(await render("{{canvas_entry_properties.${plan}}}|{{context.${plan}}}", context)).toBe("pro|pro");
  });

  it("render an unset attribute, property or subscription state as nothing", async () => {
    expect(await render("[{{${city}}}][{{custom_attribute.${nope}}}][{{event_properties.${nope}}}][{{context.${nope}}}]")).toBe("[][][][]");
    expect(await render("[{{subscribed_state.${email_global}}}]")).toBe("[]");
    expect(await render("[{{${date_of_birth}}}]", withCustom({}, { date_of_birth: null }))).toBe("[]");
  });

  it("print arrays concatenated, as Ruby Liquid does", async () => {
    expect(await render("{{custom_attribute.${codes}}}", withCustom({ codes: ["a", "b", "c"] }))).toBe("abc");
  });

  it("refuse namespaces Braze has but a local render cannot fill, and unknown ones, at their position", async () => {
    expect(await renderError("x\n  {{campaign.${api_id}}}")).toBe(
      "body: campaign.${api_id} is Braze data a local render does not have (line 2, col 5): render this template in Braze, or use an attribute the profile holds",
    );
    expect(await renderError("{{ custom_attributes.${a} }}")).toMatch(/^body: "custom_attributes" is not a Braze attribute namespace \(line 1, col 4\): /);
  });

  it("do not read inherited properties", async () => {
    expect(await render("[{{custom_attribute.${constructor}}}][{{${toString}}}]")).toBe("[][]");
  });
});

describe("Braze's optional {{ }} inside tags and outputs", () => {
  it("are dropped around a value in assign", async () => {
    expect(await render("{% assign v = {{custom_attribute.${lead_source}}} %}{{v}}")).toBe("web");
    expect(await render("{% assign v = custom_attribute.${lead_source} %}{{v}}")).toBe("web");
  });

  it("keep a following [0] as an index (the Rokt URL)", async () => {
    const template = "{% assign code = {{custom_attribute.${rokt:account_code}}}[0] | split: '/' | first %}https://api.example.com/v1/{{code}}";
    expect(await render(template)).toBe("https://api.example.com/v1/ACME");
  });

  it("are dropped inside an output too", async () => {
    expect(await render("{{ {{${first_name}}} | upcase }}")).toBe("ANN");
  });
});

describe("string literals", () => {
  it("have no backslash escapes, as in Ruby Liquid", async () => {
    expect(await render("{{ 'a\\nb' }}|{{ \"c\\\\d\" }}|{{ 'e\\' }}")).toBe("a\\nb|c\\\\d|e\\");
  });
});
