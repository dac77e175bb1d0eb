import { describeValue } from "../describe";
import { characterName } from "./characters";

/** Characters a URL never holds raw (RFC 3986): whitespace, controls, and `"<>\^`{|}` (a left-over Liquid brace among them). */
const NEVER_RAW = /[\s\p{Cc}"<>\\^`{|}]/gu;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const PLACEHOLDER = /\{\w+\}/g;
/** What a {placeholder} in a host stands for: one DNS label as partners hand them out. */
const HOST_LABEL = "[a-z0-9-]+";
const PARTS = /^https:\/\/([^/?#]*)([^?#]*)(.*)$/s;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The problems a URL's characters cause whatever its endpoint, one per kind of character. */
function characterProblems(url: string): string[] {
  const raw = [...new Set(url.match(NEVER_RAW) ?? [])].map((char) => `contains a raw ${characterName(char)}`);
  return BAD_PERCENT.test(url) ? [...raw, '"%" is not followed by two hex digits'] : raw;
}

/**
 * The check of a rendered URL against an endpoint template such as
 * "https://{subdomain}.zendesk.com/api/v2/tickets.json". A placeholder in the
 * host is one lower-case DNS label; in the path, exactly one non-empty segment,
 * so a raw "/" in a value shows up as a path that does not match. The raw text
 * is checked, not a parsed URL: URL parsers silently drop newlines and encode
 * spaces, and whether Braze does the same is not documented.
 */
export function urlChecker(template: string): (url: string) => string[] {
  const [, host = "", path = ""] = PARTS.exec(template) ?? [];
  const hostPattern = new RegExp(`^${host.split(PLACEHOLDER).map(escapeRegExp).join(HOST_LABEL)}$`);
  const hostPlaceholders = host.match(PLACEHOLDER) ?? [];
  const hostRule = hostPlaceholders.length > 0 ? ` (${hostPlaceholders.join(", ")}: lower-case letters, digits and hyphens)` : "";
  const segments = path.split("/");

  function pathProblems(sentPath: string): string[] {
    const sent = sentPath.split("/");
    if (sent.length !== segments.length || segments.some((segment, i) => !segment.startsWith("{") && segment !== sent[i])) {
      return [`path ${describeValue(sentPath)} is not ${path}`];
    }
    return segments.flatMap((segment, i) => (segment.startsWith("{") && sent[i] === "" ? [`empty ${segment} in path ${describeValue(sentPath)}`] : []));
  }

  return (url) => {
    const parts = PARTS.exec(url);
    if (!parts) return [...characterProblems(url), `${describeValue(url)} does not start with https://`];
    const [, sentHost = "", sentPath = "", rest = ""] = parts;
    return [
      ...characterProblems(url),
      ...(hostPattern.test(sentHost) ? [] : [`host ${describeValue(sentHost)} is not ${host}${hostRule}`]),
      ...pathProblems(sentPath),
      ...(rest === "" ? [] : [`unexpected query or fragment ${describeValue(rest)}`]),
    ];
  };
}
