import type { HeaderValue } from "../../webhooks/lib/headers";
import type { Requirement } from "../../webhooks/lib/template";
import type { UrlTemplate } from "../../webhooks/lib/url";
import type { ValueNode } from "../../webhooks/lib/value";
import { BuildError } from "../problems";
import { jsonBody } from "./json-body";
import { abortStatement, statement, verbatim } from "./liquid-syntax";
import { describeValue } from "./describe-value";
import { FieldWriter } from "./field-writer";
import { compileValue } from "./values";

/**
 * The body field: every value read and checked first, the send stopped when
 * a required one is missing, then the JSON captured and printed. Values are
 * escaped with json_escape and their newlines written as \n; Braze documents
 * json_escape for quotes and backslashes only, so any other control
 * character still in the captured JSON (it can only come from a value: the
 * JSON around the values is spaces and newlines) is written as \u00XX.
 */
export function bodyField(templateId: string, header: string, body: unknown, requirements: readonly Requirement[]): string {
  const field = new FieldWriter(templateId, (variable) => `${variable} | json_escape | replace: lf, escaped_lf`);
  const [bodyText, probe, characters, character, code, lead, hex, unicodeEscape] = ["body", "probe", "characters", "character", "code", "lead", "hex", "unicode_escape"].map((name) => field.names.claim(name)) as [string, string, string, string, string, string, string, string];
  const json = jsonBody(body, field);
  const checks = requirements.map((requirement) => requirementStatement(requirement, field));
  const escapeCharacter = statement(`assign ${hex} = ${code} | slice: 1, 2`) + statement(`assign ${bodyText} = ${bodyText} | append: ${unicodeEscape} | append: ${hex}`);
  return [
    `{%- comment -%}${header}{%- endcomment -%}`,
    "{%- capture lf %}\n{% endcapture -%}",
    "{%- capture escaped_lf %}\\n{% endcapture -%}",
    ...field.prelude,
    ...field.statements,
    ...checks,
    `${statement(`capture ${bodyText}`)}\n${json}\n${statement("endcapture")}`,
    `{%- capture ${unicodeEscape} %}\\u00{% endcapture -%}`,
    statement(`assign ${probe} = ${bodyText} | url_param_escape | remove: '%0A'`),
    statement(`if ${probe} contains '%0' or ${probe} contains '%1'`),
    statement(`assign ${characters} = ${bodyText} | split: ''`),
    statement(`assign ${bodyText} = ''`),
    [
      statement(`for ${character} in ${characters}`),
      statement(`assign ${code} = ${character} | url_param_escape`),
      statement(`assign ${lead} = ${code} | slice: 0, 2`),
      statement(`if ${code} != '%0A' and ${lead} == '%0'`),
      escapeCharacter,
      statement(`elsif ${lead} == '%1'`),
      escapeCharacter,
      statement("else"),
      statement(`assign ${bodyText} = ${bodyText} | append: ${character}`),
      statement("endif"),
      statement("endfor"),
    ].join(""),
    statement("endif"),
    `{{ ${bodyText} }}`,
  ].join("\n");
}

function requirementStatement(requirement: Requirement, field: FieldWriter): string {
  if ("anyOf" in requirement) {
    const variables = requirement.anyOf.map((value) => compileValue(value.node, ["required"], field).variable);
    const reason = `${field.templateId}: no ${requirement.anyOf.map((value) => describeValue(value.node)).join(" or ")}: ${requirement.why}`;
    return `${statement(`if ${variables.map((variable) => `${variable} == blank`).join(" and ")}`)}${abortStatement(reason)}${statement("endif")}`;
  }
  const [later, earlier] = requirement.notBefore.map((value) => compileValue(value.node, ["ordered"], field).variable) as [string, string];
  const [laterName, earlierName] = requirement.notBefore.map((value) => describeValue(value.node));
  const reason = `${field.templateId}: ${laterName} is before ${earlierName}: ${requirement.why}`;
  // Both are YYYY-MM-DDTHH:MM:SS: as text, their order is the order in time.
  return `${statement(`if ${later} != blank and ${earlier} != blank`)}${statement(`if ${later} < ${earlier}`)}${abortStatement(reason)}${statement("endif")}${statement("endif")}`;
}

/** The URL field, on one line (the composer's URL is one line): each value escaped as a path segment, or as a query value after "?". */
export function urlField(templateId: string, template: UrlTemplate): string {
  const field = new FieldWriter(templateId, noListsIn("the URL", templateId));
  let inQuery = false;
  const text = template.parts
    .map((part, index) => {
      if (typeof part === "string") {
        inQuery ||= part.includes("?");
        return verbatim(part, `${templateId}: url`);
      }
      const { variable } = compileValue(part, [`url_part_${index + 1}`], field);
      if (inQuery) return `{{ ${variable} | url_param_escape }}`;
      return pathSegment(variable, part, field);
    })
    .join("");
  return [...field.prelude, ...field.statements, text].join("");
}

/**
 * A value as one path segment. url_param_escape may write a space as "+",
 * which a path does not decode ("+" itself is always written %2B); and no
 * escaping keeps "." or ".." from meaning "this folder" or "up one" (a URL
 * reads %2E as a dot too), so such a value stops the send.
 */
function pathSegment(variable: string, node: ValueNode, field: FieldWriter): string {
  const segment = field.names.claim(`${variable}_segment`);
  const reason = `${field.templateId}: ${describeValue(node)} is "." or "..", which a URL path cannot hold`;
  field.statements.push(
    `${statement(`if ${variable} == '.' or ${variable} == '..'`)}${abortStatement(reason)}${statement("endif")}`,
    statement(`assign ${segment} = ${variable} | url_param_escape | replace: '+', '%20'`),
  );
  return `{{ ${segment} }}`;
}

/** One header field, on one line. */
export function headerField(templateId: string, name: string, value: string | HeaderValue): string {
  if (typeof value === "string") return verbatim(value, `${templateId}: headers.${name}`);
  const field = new FieldWriter(templateId, noListsIn(`the ${name} header`, templateId));
  const secret = field.names.claim(value.secret === "content-block" ? value.block : "token");
  if (value.secret === "content-block") {
    const reason = `${templateId}: the Content Block ${value.block} is empty: it must hold ${value.holds}`;
    const printed = value.base64 ? `${secret} | base64_encode | strip_newlines` : secret;
    return [
      `${statement(`capture ${secret}`)}{{ content_blocks.\${${value.block}} }}${statement("endcapture")}`,
      statement(`assign ${secret} = ${secret} | strip_newlines | strip`),
      `${statement(`if ${secret} == blank`)}${abortStatement(reason)}${statement("endif")}`,
      `${verbatim(value.prefix, `${templateId}: headers.${name}`)}{{ ${printed} }}`,
    ].join("");
  }
  const answer = field.connected({ url: value.tokenUrl, method: "post", credential: value.credential, body: "grant_type=client_credentials", holds: "an OAuth token" });
  const reason = `${templateId}: ${value.tokenUrl} returned no access token for the Connected Content credential ${value.credential}`;
  return [
    ...field.prelude,
    statement(`assign ${secret} = ${answer}.access_token | strip`),
    `${statement(`if ${secret} == blank`)}${abortStatement(reason)}${statement("endif")}`,
    `Bearer {{ ${secret} }}`,
  ].join("");
}

function noListsIn(place: string, templateId: string): (variable: string) => string {
  return () => {
    throw new BuildError(`${templateId}: a list cannot go into ${place}`);
  };
}

