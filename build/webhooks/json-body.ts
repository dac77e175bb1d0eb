import type { ValueNode } from "../../webhooks/lib/value";
import { BuildError } from "../problems";
import { verbatim } from "./liquid-syntax";
import type { FieldWriter } from "./field-writer";
import { compileValue } from "./values";

interface Emitted {
  readonly text: string;
  /** The variable that is blank when the field is to be left out; absent when it is always sent. */
  readonly unlessBlank?: string;
}

/** A value as a template holds it: `Value` instances are recognised by shape, since a scratch project loads its own copy of the class. */
export function isValue(value: unknown): value is { node: ValueNode; presence: "always" | "maybe" } {
  return typeof value === "object" && value !== null && "node" in value && "presence" in value;
}

/**
 * The JSON text of a template's body, with Liquid where Braze fills in
 * values. Fields that are always there come first with plain commas; a
 * field Braze may lack follows, inside an `if`, with its comma, so a missing
 * value leaves no `""`, no `null` and no dangling comma behind.
 */
export function jsonBody(value: unknown, field: FieldWriter): string {
  return emit(value, [], 0, field).text;
}

function emit(value: unknown, path: readonly string[], depth: number, field: FieldWriter): Emitted {
  const where = `${field.templateId}: body.${path.join(".")}`;
  if (isValue(value)) {
    const compiled = compileValue(value.node, [path.slice(-1).join("_"), path.slice(-2).join("_")], field);
    const text =
      compiled.printed === "string" ? `"{{ ${field.escapeItem(compiled.variable)} }}"` : compiled.printed === "bare" ? `{{ ${compiled.variable} }}` : `[{{ ${compiled.variable} }}]`;
    return value.presence === "always" ? { text } : { text, unlessBlank: compiled.variable };
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    if (typeof value === "number" && !Number.isFinite(value)) throw new BuildError(`${where}: ${value} is not a JSON number`);
    return { text: verbatim(JSON.stringify(value), where) };
  }
  const pad = "  ".repeat(depth + 1);
  const close = "  ".repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item, index) => emit(item, [...path, String(index)], depth + 1, field));
    if (items.some((item) => item.unlessBlank)) throw new BuildError(`${where}: an array item must always be there: give it a fallback or make it required`);
    return { text: items.length === 0 ? "[]" : `[\n${items.map((item) => `${pad}${item.text}`).join(",\n")}\n${close}]` };
  }
  if (typeof value !== "object") throw new BuildError(`${where}: a ${typeof value} cannot be sent as JSON`);
  const fields = Object.entries(value)
    .filter(([, child]) => child !== undefined)
    .map(([key, child]) => ({ key: verbatim(JSON.stringify(key), where), ...emit(child, [...path, key], depth + 1, field) }));
  const always = fields.filter((child) => !child.unlessBlank);
  const maybe = fields.filter((child) => child.unlessBlank);
  if (fields.length === 0) return { text: "{}" };
  if (always.length > 0) {
    const head = always.map((child) => `${pad}${child.key}: ${child.text}`).join(",\n");
    const tail = maybe.map((child) => `{% if ${child.unlessBlank} != blank %},\n${pad}${child.key}: ${child.text}{% endif %}`).join("");
    return { text: `{\n${head}${tail}\n${close}}` };
  }
  // Nothing here is always sent: a comma goes before every field but the first one sent.
  const comma = field.names.claim("comma");
  // `{%-` keeps each entry's own line out of the JSON, and keeps "{" from touching "{%" (which Liquid would read as "{{").
  const entries = maybe
    .map((child) => `\n${pad}{%- if ${child.unlessBlank} != blank %}{{ ${comma} }}\n${pad}${child.key}: ${child.text}{% assign ${comma} = ',' %}{% endif %}`)
    .join("");
  return { text: `{% assign ${comma} = '' %}{${entries}\n${close}}` };
}
