import type { Origin, TextCheck, ValueNode } from "../../webhooks/lib/value";

/** A value as the README and abort reasons name it. */
export function describeValue(node: ValueNode): string {
  switch (node.kind) {
    case "read":
      return `${describeOrigin(node.origin)}${describeConversion(node)}`;
    case "send-time":
      return "the send time";
    // Text made of values is missing when any of them is; joined values only when all are.
    case "concat":
      return node.parts.flatMap((part) => (typeof part === "string" ? [] : [describeValue(part)])).join(" or ");
    case "joined":
      return node.parts.map(describeValue).join(" and ");
    case "fallback":
    case "required":
      return describeValue(node.value);
  }
}

export function describeOrigin(origin: Origin): string {
  switch (origin.from) {
    case "standard":
      return origin.name;
    case "custom_attribute":
      return `custom attribute ${origin.name}`;
    case "event_properties":
      return `event property ${origin.name}`;
    case "canvas_entry_properties":
      return `Canvas entry property ${origin.name}`;
    case "connected-content":
      return `${origin.name} of the Connected Content answer of ${origin.call.url}${origin.call.credential === undefined ? "" : ` (credential ${origin.call.credential})`}`;
  }
}

function describeConversion(node: Extract<ValueNode, { kind: "read" }>): string {
  const { conversion } = node;
  const checks = [...node.checks, ...(conversion.to === "list" && conversion.item ? [conversion.item] : [])].flatMap(describeCheck);
  const kind =
    conversion.to === "number"
      ? [conversion.integer ? "a whole number" : "a number", ...(conversion.min === undefined ? [] : [`at least ${conversion.min}`])]
      : conversion.to === "boolean"
        ? ["true or false"]
        : [];
  const all = [...kind, ...checks];
  return all.length === 0 ? "" : ` (${all.join(", ")})`;
}

function describeCheck(check: TextCheck): string[] {
  switch (check.check) {
    case "one-of":
      return [`one of the ${check.label}`];
    case "email":
      return ["an e-mail address"];
    case "uuid":
      return ["UUIDs"];
    case "local-date-time":
      return ["a local date-time YYYY-MM-DDTHH:MM:SS"];
    case "before":
      return [`the part before "${check.separator}"`];
    case "lowercase":
      return [];
  }
}
