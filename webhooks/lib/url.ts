import type { Value, ValueNode } from "./value";

/**
 * A URL with values in it. A value before the `?` is one path segment and is
 * escaped as one (a "/" in an account code cannot add a segment); after it,
 * a query value. A URL needs every part, so only values that are always
 * there fit. A string put in (a setting) is part of the URL as it is.
 */
export interface UrlTemplate {
  readonly parts: readonly (string | ValueNode)[];
}

export function url(strings: TemplateStringsArray, ...values: readonly (string | Value<string, "always">)[]): UrlTemplate {
  const parts: (string | ValueNode)[] = [];
  strings.forEach((literal, index) => {
    const value = values[index];
    const text = `${literal}${typeof value === "string" ? value : ""}`;
    const last = parts[parts.length - 1];
    if (text !== "") {
      if (typeof last === "string") parts[parts.length - 1] = last + text;
      else parts.push(text);
    }
    if (value !== undefined && typeof value !== "string") parts.push(value.node);
  });
  return { parts };
}
