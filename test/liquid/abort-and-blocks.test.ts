import { describe, expect, it } from "vitest";
import { renderField } from "../../liquid";
import { contextWith, render, renderError } from "./support";

describe("abort_message", () => {
  it.each([
    ["{% abort_message('no phone') %}", "no phone"],
    ['{% abort_message("no \'phone\'") %}', "no 'phone'"],
    ["{% abort_message() %}", ""],
    ["{%- abort_message( 'trimmed' ) -%}", "trimmed"],
  ])("%s stops the send with its reason", async (template, reason) => {
    expect(await renderField(template, contextWith(), "body")).toEqual({ sent: false, reason, calls: [] });
  });

  it("stops rendering where it stands: nothing after it runs", async () => {
    const template = "{% if ${phone_number} == blank %}{% abort_message('no phone') %}{% endif %}{% connected_content https://example.com %}";
    expect(await renderField(template, contextWith(), "body")).toEqual({ sent: false, reason: "no phone", calls: [] });
  });

  it("keeps the calls made before it", async () => {
    const template = "{% connected_content https://example.com :save r %}{% if r.ok != true %}{% abort_message('not ok') %}{% endif %}";
    const result = await renderField(template, contextWith({ connected: { r: { ok: false } } }), "body");
    expect(result).toMatchObject({ sent: false, reason: "not ok", calls: [{ url: "https://example.com", save: "r" }] });
  });

  it("does nothing in a branch not taken", async () => {
    expect(await render("{% if false %}{% abort_message('x') %}{% endif %}sent")).toBe("sent");
  });

  it("takes one quoted reason only", async () => {
    expect(await renderError("{% abort_message(reason) %}")).toMatch(/^body: abort_message\(reason\) is not abort_message\('reason'\) or abort_message\(\) \(line 1, col 1\)/);
  });
});

describe("content blocks", () => {
  it("insert the block's text", async () => {
    expect(await render("[{{content_blocks.${footer}}}]", { contentBlocks: { footer: "Thanks!" } })).toBe("[Thanks!]");
  });

  it("render the Liquid a block holds, with the same user and scope", async () => {
    const contentBlocks = { greeting: "Hi {{${first_name}}}{% assign greeted = true %}", "api key": "k-1" };
    expect(await render("{{content_blocks.${greeting}}} {% if greeted %}again{% endif %}", { contentBlocks })).toBe("Hi Ann again");
    expect(await render("Key {{ content_blocks.${api key} }}", { contentBlocks })).toBe("Key k-1");
  });

  it("fail when the block is not provided", async () => {
    expect(await renderError("ok {{content_blocks.${footer}}}")).toBe(
      'body: content block "footer" is not provided (line 1, col 4): provide its text with --content-block footer=block.liquid',
    );
  });

  it("report an error inside a block at its place in the block", async () => {
    const contentBlocks = { footer: "line one\n{{ 'x' | json }}" };
    expect(await renderError("{{content_blocks.${footer}}}", { contentBlocks })).toMatch(/^body: filter "json" is not one of Braze's filters \(content block "footer", line 2, col 1\)/);
  });

  it("refuse a block that includes itself", async () => {
    const contentBlocks = { a: "{{content_blocks.${b}}}", b: "{{content_blocks.${a}}}" };
    expect(await renderError("{{content_blocks.${a}}}", { contentBlocks })).toMatch(/content block "a" includes itself/);
  });

  it("are only supported as a whole output", async () => {
    expect(await renderError("{{ content_blocks.${footer} | upcase }}", { contentBlocks: { footer: "x" } })).toMatch(
      /^body: content_blocks\.\$\{footer\} is only supported as a whole output \(line 1, col 4\): write \{\{content_blocks\.\$\{footer\}\}\} on its own$/,
    );
  });
});
