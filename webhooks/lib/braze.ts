import { Reading, Text, Value, type ConnectedContentCall, type Presence, type ValueNode } from "./value";

/** Braze's standard attributes by their Liquid name (`{{${first_name}}}`). */
export type StandardAttribute =
  | "user_id"
  | "braze_id"
  | "first_name"
  | "last_name"
  | "email_address"
  | "phone_number"
  | "city"
  | "country"
  | "date_of_birth"
  | "gender"
  | "language"
  | "time_zone"
  | "most_recent_locale";

/** A standard attribute: always text in Braze. */
export function user(name: StandardAttribute): Text<string, "maybe"> {
  return new Text({ kind: "read", origin: { from: "standard", name }, conversion: { to: "text" }, checks: [] }, "maybe");
}

/** A custom attribute, any name Braze allows (`rokt:account_code`, `zip code`). */
export function customAttribute(name: string): Reading {
  return new Reading({ from: "custom_attribute", name });
}

/** A property of the custom event that triggered the campaign or Canvas step. */
export function eventProperty(name: string): Reading {
  return new Reading({ from: "event_properties", name });
}

/** A property the user entered the Canvas with. */
export function canvasEntryProperty(name: string): Reading {
  return new Reading({ from: "canvas_entry_properties", name });
}

/**
 * The JSON Braze gets from a Connected Content call when it renders the
 * field: `field("a.b")` reads a value of it. Each field that reads one makes
 * the call (a Connected Content answer exists only in the field that asked).
 */
export function connectedContent(call: Omit<ConnectedContentCall, "method"> & { method?: "get" | "post" }): { field(path: string): Reading } {
  const made: ConnectedContentCall = { ...call, method: call.method ?? "get" };
  return { field: (path) => new Reading({ from: "connected-content", call: made, name: path }) };
}

/** When Braze sends the webhook, in UTC: `2026-12-01T12:00:00Z`. */
export function sendTime(): Text<string, "always"> {
  return new Text({ kind: "send-time" }, "always");
}

type TextPart = string | Value<string, Presence>;
type AllPresent<Parts extends readonly TextPart[]> = Parts[number] extends string | Value<string, "always"> ? "always" : "maybe";

/** Text made of literal text and values, as a tagged template: missing when any value is. */
export function text<const Parts extends readonly Value<string, Presence>[]>(
  strings: TemplateStringsArray,
  ...values: Parts
): Text<string, AllPresent<Parts>> {
  const parts: (string | ValueNode)[] = [];
  strings.forEach((literal, index) => {
    if (literal !== "") parts.push(literal);
    const value = values[index];
    if (value) parts.push(value.node);
  });
  const presence = values.every((value) => value.presence === "always") ? "always" : "maybe";
  return new Text({ kind: "concat", parts }, presence as AllPresent<Parts>);
}

/** The values Braze has, separated by `separator` ("Ann Lee", "Ann", "Lee"); missing when none is. */
export function joined(separator: string, ...values: readonly Value<string, Presence>[]): Text<string, "maybe"> {
  return new Text({ kind: "joined", separator, parts: values.map((value) => value.node) }, "maybe");
}
