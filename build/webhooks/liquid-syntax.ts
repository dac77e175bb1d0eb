import { BuildError } from "../problems";

/** A Liquid tag that trims the whitespace around it, so statements print nothing. */
export function statement(inner: string): string {
  return `{%- ${inner} -%}`;
}

/**
 * A Liquid string literal. Liquid strings have no escapes: a text holding
 * both quote characters cannot be one.
 */
export function stringLiteral(text: string, where: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  throw new BuildError(`${where}: ${JSON.stringify(text)} holds both ' and ", which no Liquid string can: drop one of them`);
}

/** Stops the send with `reason` (Braze's abort_message); a reason is a literal, so its quotes are made typographic. */
export function abortStatement(reason: string): string {
  return statement(`abort_message(${stringLiteral(reason.replace(/'/g, "’"), "abort reason")})`);
}

/** Text written into a field as it is, kept from Liquid when it looks like Liquid. */
export function verbatim(text: string, where: string): string {
  if (!text.includes("{{") && !text.includes("{%")) return text;
  if (/\{%-?\s*endraw/.test(text)) throw new BuildError(`${where}: ${JSON.stringify(text)} closes a raw block: it cannot be sent literally`);
  return `{% raw %}${text}{% endraw %}`;
}

/** Liquid variable names Braze gives a meaning: a template's own variables never take them. */
const BRAZE_NAMES = [
  "custom_attribute",
  "event_properties",
  "canvas_entry_properties",
  "context",
  "content_blocks",
  "campaign",
  "canvas",
  "app",
  "subscribed_state",
  "most_recently_used_device",
  "targeted_device",
  "sms",
  "api_trigger_properties",
  "connected",
  "items",
];

/** Hands out the ASCII variable names of one composer field, each once. */
export class VariableNames {
  private readonly taken = new Set(BRAZE_NAMES);

  /** The first of `hints` not yet taken, else the last one numbered. */
  claim(...hints: readonly string[]): string {
    const bases = hints.map(toVariableName);
    const free = bases.find((base) => !this.taken.has(base));
    let name = free ?? bases[bases.length - 1] ?? "value";
    for (let n = 2; this.taken.has(name); n++) name = `${bases[bases.length - 1]}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/** snake_case ASCII, as Liquid variable names must be. */
function toVariableName(hint: string): string {
  return (
    hint
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .replace(/^(?=[0-9])/, "v_") || "value"
  );
}
