import { describe, expect, it } from "vitest";
import { describeDialect, parseProfile, withReading } from "../../liquid";
import { PAIRWISE_DIALECTS } from "./dialects";
import { render, renderError, TEST_DIALECT } from "./support";

const HUNDRED_XS = "x".repeat(100);
/** base64 -w0 and base64 -w60 of 100 "x" (GNU coreutils). */
const HUNDRED_XS_BASE64 =
  "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eA==";
const HUNDRED_XS_BASE64_WRAPPED = `${HUNDRED_XS_BASE64.slice(0, 60)}\n${HUNDRED_XS_BASE64.slice(60, 120)}\n${HUNDRED_XS_BASE64.slice(120)}\n`;

describe.each(PAIRWISE_DIALECTS.map((dialect) => [describeDialect(dialect), dialect] as const))("under the dialect %s", (_name, dialect) => {
  const rendered = (template: string, input?: unknown) =>
    render(template, { dialect, user: parseProfile({ custom_attributes: { input } }, "test.json").profile });

  it("json_escape escapes quotes and backslashes; control characters in the full and rails readings; <, >, & and U+2028 in the rails one", async () => {
    const input = 'say "hi" \\ bye\nnext\u0001 <a&b>\u2028';
    const expected = {
      documented: 'say \\"hi\\" \\\\ bye\nnext\u0001 <a&b>\u2028',
      full: 'say \\"hi\\" \\\\ bye\\nnext\\u0001 <a&b>\u2028',
      rails: 'say \\"hi\\" \\\\ bye\\nnext\\u0001 \\u003ca\\u0026b\\u003e\\u2028',
    }[dialect.jsonEscape];
    expect(await rendered("{{ custom_attribute.${input} | json_escape }}", input)).toBe(expected);
  });

  it("url_param_escape is CGI.escape (space as +) or url_encode (space as %20)", async () => {
    const spaced = dialect.urlParamEscape === "plus" ? "a+b" : "a%20b";
    expect(await rendered("{{ custom_attribute.${input} | url_param_escape }}", "a b&c/é~*_.-")).toBe(`${spaced}%26c%2F%C3%A9~%2A_.-`);
    expect(await rendered("{{ 'hey<&>hi' | url_param_escape }}")).toBe("hey%3C%26%3Ehi"); // Braze's example
  });

  it("base64_encode is strict_encode64 or encode64 (a newline every 60 characters and at the end)", async () => {
    const expected = dialect.base64 === "wrapped" ? HUNDRED_XS_BASE64_WRAPPED : HUNDRED_XS_BASE64;
    expect(await rendered("{{ custom_attribute.${input} | base64_encode }}", HUNDRED_XS)).toBe(expected);
    expect(await rendered("{{ 'blah' | base64_encode }}")).toBe(dialect.base64 === "wrapped" ? "YmxhaA==\n" : "YmxhaA=="); // Braze's example
    expect(await rendered("{{ 'é' | base64_encode | strip }}")).toBe("w6k=");
  });

  it("url_escape keeps URI characters and escapes the rest", async () => {
    expect(await rendered("{{ 'hey<>hi' | url_escape }}")).toBe("hey%3C%3Ehi"); // Braze's example
    expect(await rendered("{{ custom_attribute.${input} | url_escape }}", "https://x.io/a b?q=[1]&r=é#f%")).toBe("https://x.io/a%20b?q=[1]&r=%C3%A9#f%25");
  });

  it("url_encode is CGI.escape whatever the dialect", async () => {
    expect(await rendered("{{ 'google search' | url_encode }}")).toBe("google+search"); // Braze's example
    expect(await rendered("{{ custom_attribute.${input} | url_encode }}", "a b&(x)*")).toBe("a+b%26%28x%29%2A");
  });

  it("hash filters give Braze's documented outputs", async () => {
    expect(await rendered("{{ 'hey' | md5 }}")).toBe("6057f13c496ecf7fd777ceb9e79ae285");
    expect(await rendered("{{ 'hey' | sha1 }}")).toBe("7f550a9f4c44173a37664d938f1355f0f92a47a7");
    expect(await rendered("{{ 'hey' | sha2 }}")).toBe("fa690b82061edfd2852629aeba8a8977b57e40fcb77d1a7a28b26cba62591204");
    expect(await rendered("{{ 'hey' | hmac_sha1_hex: 'secret_key' }}")).toBe("2a3969bed25bfeefb00aca4063eb9590b4df8f0e");
    expect(await rendered("{{ 'hey' | hmac_sha1_base64: 'secret_key' }}")).toBe("KjlpvtJb/u+wCspAY+uVkLTfjw4=");
    const sha256 = "8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e";
    expect(await rendered("{{ 'hey' | hmac_sha256_hex: 'secret_key' }}")).toBe(sha256);
    expect(await rendered("{{ 'hey' | hmac_sha256: 'secret_key' }}")).toBe(sha256);
    expect(await rendered("{{ 'hey' | hmac_sha256_base64: 'secret_key' }}")).toBe("jfiX+No9eZL+V8jbxvJ1eM+/LcxND7tAALjJJIQdUI4=");
    // openssl dgst -sha512 -hmac secret_key
    expect(await rendered("{{ 'hey' | hmac_sha512: 'secret_key' }}")).toBe(
      "77559e110f13ef5700f9085728484653bd6365fb9426537f9b842f05a744f12f5f1f957aa966bd7296238e947461be739ad5417364f1737a58f7b464317c03ed",
    );
  });

  it("property_accessor reads a hash's key; number_with_delimiter groups thousands", async () => {
    expect(await rendered("{{ custom_attribute.${input} | property_accessor: 'a' }}|{{ custom_attribute.${input} | property_accessor: 'z' }}", { a: 42, b: 0 })).toBe("42|");
    expect(await rendered("{{ 123456 | number_with_delimiter }} {{ -1234567.891 | number_with_delimiter }} {{ 'n/a' | number_with_delimiter }}")).toBe(
      "123,456 -1,234,567.891 n/a",
    );
  });

  it("prints numbers as floatPrinting says: a Float (a decimal literal, a math result of one) as Ruby writes it or as JavaScript does", async () => {
    const template = "{{ 15.0 }}|{{ 1.5 }}|{{ -3.00 }}|{{ 100000000000000000000.0 }}|{{ 0.00001 }}|{{ 15 | plus: 0.0 }}|{{ 15 | plus: 0 }}|{{ '15.0' | plus: 0 | append: '' }}|{{ 15.04 | round: 1 }}|{{ 7 | divided_by: 2 }}";
    const expected = {
      javascript: "15|1.5|-3|100000000000000000000|0.00001|15|15|15|15|3",
      ruby: "15.0|1.5|-3.0|1.0e+20|1.0e-05|15.0|15|15.0|15.0|3",
    }[dialect.floatPrinting];
    expect(await rendered(template)).toBe(expected);
  });

  it("prints an array as arrayOutput says and reads it as text as arrayText says", async () => {
    const input = ["a", 1, null, ["b", true]];
    const joined = "a1btrue";
    const inspected = '["a", 1, nil, ["b", true]]';
    expect(await rendered("{{ custom_attribute.${input} }}", input)).toBe(dialect.arrayOutput === "joined" ? joined : inspected);
    expect(await rendered("{{ custom_attribute.${input} | append: '' }}", input)).toBe(dialect.arrayText === "joined" ? joined : inspected);
    expect(await rendered("{{ custom_attribute.${input} | join: '-' }}", input)).toBe("a-1--b-true");
  });

  it("prints a hash, and reads it as text, as hashText says", async () => {
    const input = { a: 'say "hi"', b: 1, c: [1.5, "y"], d: null };
    const expected = { ruby: '{"a"=>"say \\"hi\\"", "b"=>1, "c"=>[1.5, "y"], "d"=>nil}', json: JSON.stringify(input) }[dialect.hashText];
    expect(await rendered("{{ custom_attribute.${input} }}", input)).toBe(expected);
    expect(await rendered("{{ custom_attribute.${input} | append: '' }}", input)).toBe(expected);
  });
});

describe("a filter Braze does not have", () => {
  const strict = withReading(TEST_DIALECT, "unknownFilter", "error");
  const lax = withReading(TEST_DIALECT, "unknownFilter", "passthrough");

  it("fails the template under the error reading, even in a branch that does not run", async () => {
    expect(await renderError("{% if false %}{{ 'x' | json }}{% endif %}", { dialect: strict })).toMatch(/filter "json" is not one of Braze's filters/);
  });

  it("passes its input through under the passthrough reading", async () => {
    expect(await render("{{ 'kept' | no_such_filter | upcase }}|{{ 'x' | json }}", { dialect: lax })).toBe("KEPT|x");
  });

  it.each([strict, lax])("that Braze lists but this renderer does not implement says so where it runs (%o)", async (dialect) => {
    expect(await renderError("{{ 5 | money }}", { dialect })).toMatch(/^body: filter "money" is a Braze filter this local renderer does not implement/);
    expect(await render("{% if false %}{{ 5 | money }}{% endif %}ok", { dialect })).toBe("ok");
  });
});

describe("hmac filters", () => {
  it("need a key", async () => {
    expect(await renderError("{{ 'hey' | hmac_sha256_base64 }}")).toMatch(/^body: hmac_sha256_base64 needs a key \(line 1, col 1\)/);
  });
});

describe("filters Braze lacks, under the error reading of unknownFilter", () => {
  it.each(["json", "jsonify", "lstrip", "rstrip", "inspect", "sum", "push", "find_index", "url_decode", "base64_decode", "escape_once", "raw"])(
    "%s fails with a one-line message",
    async (filter) => {
      expect(await renderError(`Hi\n{{ \${first_name} | ${filter} }}`)).toBe(
        `body: filter "${filter}" is not one of Braze's filters (line 2, col 1): use a filter Braze supports (json_escape for text inside JSON)`,
      );
    },
  );
});

describe("math filters follow Ruby Liquid's to_number", () => {
  it.each([
    ['"Infinity" | plus: 0', "0"],
    ['"NaN" | plus: 0', "0"],
    ['"abc" | plus: 0', "0"],
    ['"" | plus: 0', "0"],
    ['"15" | plus: 0', "15"],
    ['"1.5" | plus: 0', "1.5"],
    ['"15abc" | plus: 0', "15"],
    ['" -3" | plus: 0', "-3"],
    ['"1_000" | plus: 0', "1000"],
    ["nil | plus: 1", "1"],
    ["false | plus: 1", "1"],
    ['5 | plus: "2"', "7"],
  ])("%s is %s", async (expression, expected) => {
    expect(await render(`{{ ${expression} }}`)).toBe(expected);
  });

  it("keep Integer arithmetic Integer: divided_by floors, modulo takes the divisor's sign", async () => {
    expect(await render("{{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }} {{ 7 | divided_by: '2.0' }} {{ '7' | divided_by: '2' }}")).toBe("3 -4 3.5 3");
    expect(await render("{{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 5.5 | modulo: 2 }}")).toBe("2 -2 1.5");
  });

  it("do decimal arithmetic exactly, as BigDecimal does", async () => {
    expect(await render("{{ 0.1 | plus: 0.2 }} {{ 1.1 | times: 3 }} {{ '10.25' | minus: 0.1 }}")).toBe("0.3 3.3 10.15");
  });

  it("round half away from zero; ceil, floor, abs, at_least, at_most", async () => {
    expect(await render("{{ 2.5 | round }} {{ -2.5 | round }} {{ 1.005 | round: 2 }} {{ 1234 | round: -2 }} {{ '3.14159' | round: 3 }}")).toBe("3 -3 1.01 1200 3.142");
    expect(await render("{{ '1.2' | ceil }} {{ -1.2 | floor }} {{ '-4' | abs }} {{ 3 | at_least: '5' }} {{ 'x' | at_most: -1 }}")).toBe("2 -2 4 5 -1");
  });

  it("fail on a division by zero", async () => {
    expect(await renderError("{{ 1 | divided_by: 0 }}")).toMatch(/^body: divided by 0 \(line 1, col 1\)/);
    expect(await renderError("{{ 1 | modulo: '0' }}")).toMatch(/^body: divided by 0/);
  });
});

describe("comparisons follow Ruby", () => {
  const user = parseProfile({ custom_attributes: { age: 21, age_text: "21", tags: ["a"] } }, "test.json").profile;

  it("compare numbers with numbers and strings with strings", async () => {
    expect(await render("{% if custom_attribute.${age} > 18 %}adult{% endif %}", { user })).toBe("adult");
    expect(await render("{% if 'b' > 'a' %}later{% endif %}", { user })).toBe("later");
  });

  it("are false against nil, booleans and arrays", async () => {
    expect(await render("{% if custom_attribute.${nope} < 5 %}x{% else %}no{% endif %}", { user })).toBe("no");
    expect(await render("{% if custom_attribute.${tags} > 0 %}x{% else %}no{% endif %}", { user })).toBe("no");
  });

  it("fail between a string and a number, as Ruby raises", async () => {
    expect(await renderError("{% if custom_attribute.${age_text} > 18 %}adult{% endif %}", { user })).toMatch(
      /^body: the string "21" > the number 18 fails in Braze's Ruby Liquid/,
    );
  });
});

describe("string and array filters with Ruby semantics", () => {
  it("split: '' splits into code points, not UTF-16 halves", async () => {
    expect(await render("{{ '👍🏽é!' | split: '' | join: '|' }}")).toBe("👍|🏽|é|!");
  });

  it("split drops trailing empty strings and splits on runs of blanks for ' '", async () => {
    expect(await render("{{ 'a,b,,' | split: ',' | size }} {{ '  a  b ' | split: ' ' | join: '|' }}")).toBe("2 a|b");
  });

  it("size counts characters, items and keys", async () => {
    const user = parseProfile({ custom_attributes: { hash: { a: 1, b: 2 } } }, "test.json").profile;
    expect(await render("{{ '👍🏽' | size }} {{ 'a,b' | split: ',' | size }} {{ custom_attribute.${hash} | size }} {{ nil | size }}", { user })).toBe("2 2 2 0");
  });

  it("first and last read arrays, not strings", async () => {
    expect(await render("{{ 'a/b' | split: '/' | first }}{{ 'a/b' | split: '/' | last }}[{{ 'abc' | first }}]")).toBe("ab[]");
  });

  it("standard filters Braze lists keep working", async () => {
    expect(await render("{{ 'hello world' | capitalize | append: '!' | prepend: '> ' }}")).toBe("> Hello world!");
    expect(await render("{{ '<b>x</b>' | strip_html | upcase }} {{ 'a\nb' | newline_to_br }} {{ '<&>' | escape }}")).toBe("X a<br />\nb &lt;&amp;&gt;");
    expect(await render("{{ 'a b c d' | truncatewords: 2 }} {{ 'abcdef' | truncate: 4 }} {{ 'aXbX' | replace: 'X', '-' | remove_first: 'a' }}")).toBe("a b... a... -b-");
    expect(await render("{{ 'c,a,b,a' | split: ',' | uniq | sort | reverse | join: '' }} {{ nil | default: 'none' }}")).toBe("cba none");
  });
});

describe("date", () => {
  it("reads 'now' as the send time, in UTC, with %s", async () => {
    expect(await render("{{ 'now' | date: '%Y-%m-%dT%H:%M:%S %s' }}", { now: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) })).toBe("2025-01-02T03:04:05 1735787045");
  });

  it("keeps a date string's own offset, as Ruby's Time.parse does", async () => {
    expect(await render("{{ '2025-06-01T10:00:00-05:00' | date: '%H:%M %z' }}")).toBe("10:00 -0500");
  });

  it("returns the input for a blank format", async () => {
    expect(await render("{{ '2025-06-01' | date: '' }}")).toBe("2025-06-01");
  });
});
