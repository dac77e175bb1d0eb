import type { ValueNode } from "../../webhooks/lib/value";
import { BuildError } from "../problems";
import { describeValue } from "./describe-value";
import { originExpression, type CompiledValue, type FieldWriter } from "./field-writer";
import { firstItemStatements, listStatements } from "./item-lists";
import { abortStatement, statement, stringLiteral } from "./liquid-syntax";
import { checkText } from "./text-checks";

/**
 * Writes the statements for `node` into the field and says where its value
 * ends up; `hints` name its variable (the first free one). A value derived
 * from another gets a variable of its own, so each variable means one thing.
 */
export function compileValue(node: ValueNode, hints: readonly string[], field: FieldWriter): CompiledValue {
  const known = field.compiled.get(node);
  if (known) return known;
  const compiled = compileNew(node, [...hintsOf(node), ...hints], field);
  field.compiled.set(node, compiled);
  return compiled;
}

/** A read value is best named for what it reads. */
function hintsOf(node: ValueNode): string[] {
  if (node.kind === "read") return [node.origin.name];
  if (node.kind === "fallback" || node.kind === "required") return hintsOf(node.value);
  return [];
}

function compileNew(node: ValueNode, hints: readonly string[], field: FieldWriter): CompiledValue {
  switch (node.kind) {
    case "read":
      return compileRead(node, hints, field);
    case "send-time": {
      const variable = field.names.claim(...hints, "send_time");
      field.statements.push(statement(`assign ${variable} = 'now' | date: '%Y-%m-%dT%H:%M:%SZ'`));
      return { variable, printed: "string" };
    }
    case "concat":
      return compileConcat(node.parts, hints, field);
    case "joined":
      return compileJoined(node.separator, node.parts, hints, field);
    case "fallback": {
      const value = compileValue(node.value, hints, field);
      const variable = field.names.claim(...hints.map((hint) => `${hint}_or_default`));
      const fallback = stringLiteral(String(node.fallback), `${field.templateId}: fallback`);
      field.statements.push(`${statement(`assign ${variable} = ${value.variable}`)}${statement(`if ${variable} == blank`)}${statement(`assign ${variable} = ${fallback}`)}${statement("endif")}`);
      return { variable, printed: value.printed };
    }
    case "required": {
      const value = compileValue(node.value, hints, field);
      const missing = value.printed === "items" ? "has no usable item" : "is missing";
      const reason = `${field.templateId}: ${describeValue(node.value)} ${missing}: ${node.reason}`;
      field.statements.push(`${statement(`if ${value.variable} == blank`)}${abortStatement(reason)}${statement("endif")}`);
      return value;
    }
  }
}

function compileRead(node: Extract<ValueNode, { kind: "read" }>, hints: readonly string[], field: FieldWriter): CompiledValue {
  const source = originExpression(node.origin, field);
  const { conversion } = node;
  const variable = field.names.claim(...hints);
  switch (conversion.to) {
    case "text": {
      const given = node.invalid === undefined ? undefined : field.names.claim(`${variable}_as_given`);
      // As text from the start: json_escape and the checks then never meet a number or a boolean (Braze does not say what its filters do with them).
      field.statements.push(statement(`assign ${variable} = ${source} | append: ''`), ...(given ? [statement(`assign ${given} = ${variable}`)] : []));
      field.statements.push(...node.checks.map((check) => checkText(variable, check, field)));
      if (given) {
        const reason = `${field.templateId}: ${describeValue(node)} is not valid: ${node.invalid}`;
        field.statements.push(`${statement(`if ${given} != blank and ${variable} == blank`)}${abortStatement(reason)}${statement("endif")}`);
      }
      return { variable, printed: "string" };
    }
    case "number":
      field.statements.push(statement(`assign ${variable} = ${source}`), ...numberStatements(variable, conversion, field));
      return { variable, printed: "bare" };
    case "boolean":
      field.statements.push(
        statement(`assign ${variable} = ${source}`),
        [
          statement(`if ${variable} == true or ${variable} == 'true'`),
          statement(`assign ${variable} = 'true'`),
          statement(`elsif ${variable} == false or ${variable} == 'false'`),
          statement(`assign ${variable} = 'false'`),
          statement("else"),
          statement(`assign ${variable} = ''`),
          statement("endif"),
        ].join(""),
      );
      return { variable, printed: "bare" };
    case "list":
      field.statements.push(...listStatements(variable, source, conversion, field));
      return { variable, printed: "items" };
    case "first-item":
      field.statements.push(...firstItemStatements(variable, source, node.checks, field));
      return { variable, printed: "string" };
  }
}

/** A number, or a string that prints exactly as the number it is ("15", not "15 min" or "015"). */
function numberStatements(variable: string, conversion: { integer: boolean; min?: number }, field: FieldWriter): string[] {
  const number = field.names.claim(`${variable}_number`);
  const asRead = field.names.claim(`${variable}_as_read`);
  const asNumber = field.names.claim(`${variable}_as_number`);
  const lines = [
    statement(`assign ${number} = ${variable} | plus: 0`),
    statement(`assign ${asRead} = ${variable} | append: ''`),
    statement(`assign ${asNumber} = ${number} | append: ''`),
    `${statement(`if ${asRead} == ${asNumber}`)}${statement(`assign ${variable} = ${asNumber}`)}${statement("else")}${statement(`assign ${variable} = ''`)}${statement("endif")}`,
  ];
  if (conversion.integer) {
    // Ruby prints a float with ".", JavaScript a large one with "e"; past 2^53 a JSON reader may round an integer.
    lines.push(`${statement(`if ${variable} contains '.' or ${variable} contains 'e'`)}${statement(`assign ${variable} = ''`)}${statement("endif")}`);
    lines.push(`${statement(`if ${variable} != blank`)}${statement(`if ${number} > ${Number.MAX_SAFE_INTEGER} or ${number} < -${Number.MAX_SAFE_INTEGER}`)}${statement(`assign ${variable} = ''`)}${statement("endif")}${statement("endif")}`);
  }
  if (conversion.min !== undefined) {
    lines.push(`${statement(`if ${variable} != blank`)}${statement(`if ${number} < ${conversion.min}`)}${statement(`assign ${variable} = ''`)}${statement("endif")}${statement("endif")}`);
  }
  return lines;
}

function compileConcat(parts: readonly (string | ValueNode)[], hints: readonly string[], field: FieldWriter): CompiledValue {
  const values: string[] = [];
  const expressions = parts.map((part) => {
    if (typeof part === "string") return stringLiteral(part, `${field.templateId}: text`);
    const { variable } = compileText(part, hints.map((hint) => `${hint}_part_${values.length + 1}`), field);
    values.push(variable);
    return variable;
  });
  const variable = field.names.claim(...hints);
  const [first = "''", ...rest] = expressions;
  field.statements.push(statement(`assign ${variable} = ${[first, ...rest.map((expression) => `append: ${expression}`)].join(" | ")}`));
  if (values.length > 0) {
    const anyBlank = values.map((value) => `${value} == blank`).join(" or ");
    field.statements.push(`${statement(`if ${anyBlank}`)}${statement(`assign ${variable} = ''`)}${statement("endif")}`);
  }
  return { variable, printed: "string" };
}

function compileJoined(separator: string, parts: readonly ValueNode[], hints: readonly string[], field: FieldWriter): CompiledValue {
  const values = parts.map((part, index) => compileText(part, hints.map((hint) => `${hint}_part_${index + 1}`), field).variable);
  const variable = field.names.claim(...hints);
  const piece = field.names.claim(`${variable}_piece`);
  const glue = stringLiteral(separator, `${field.templateId}: separator`);
  field.statements.push(statement(`assign ${variable} = ''`));
  for (const value of values) {
    field.statements.push(
      [
        statement(`assign ${piece} = ${value} | strip`),
        statement(`if ${piece} != blank`),
        `${statement(`if ${variable} != blank`)}${statement(`assign ${variable} = ${variable} | append: ${glue}`)}${statement("endif")}`,
        statement(`assign ${variable} = ${variable} | append: ${piece}`),
        statement("endif"),
      ].join(""),
    );
  }
  return { variable, printed: "string" };
}

function compileText(node: ValueNode, hints: readonly string[], field: FieldWriter): CompiledValue {
  const value = compileValue(node, hints, field);
  if (value.printed !== "string") throw new BuildError(`${field.templateId}: ${describeValue(node)} is not text: only text values combine into text`);
  return value;
}
