import type { Conversion, Pairing, TextCheck } from "../../webhooks/lib/value";
import { originExpression, type FieldWriter } from "./field-writer";
import { statement } from "./liquid-syntax";
import { checkText } from "./text-checks";
import { compileValue } from "./values";

/** The items as the inside of a JSON array (`"a","b"`), each checked; blank when none is left. */
export function listStatements(variable: string, source: string, conversion: Extract<Conversion, { to: "list" }>, field: FieldWriter): string[] {
  const items = field.names.claim(`${variable}_items`);
  const count = field.names.claim(`${variable}_count`);
  const item = field.names.claim("item");
  // A loop variable cannot be reassigned (assign writes the outer scope): checks work on a copy.
  const checked = field.names.claim("checked");
  const pairing = conversion.pairedWith && pairingStatements(variable, items, checked, conversion.pairedWith, field);
  const loop = [
    statement(`for ${item} in ${items}`),
    statement(`assign ${checked} = ${item} | append: ''`),
    ...(conversion.item ? [checkText(checked, conversion.item, field)] : []),
    ...(pairing ? [pairing.inLoop] : []),
    statement(`if ${checked} != blank`),
    `${statement(`if ${count} > 0`)},${statement("endif")}"{{ ${field.escapeItem(checked)} }}"`,
    statement(`assign ${count} = ${count} | plus: 1`),
    statement("endif"),
    statement("endfor"),
  ].join("");
  return [
    statement(`assign ${items} = ${source}`),
    ...(pairing ? pairing.before : []),
    statement(`assign ${count} = 0`),
    `${statement(`capture ${variable}`)}${loop}${statement("endcapture")}`,
  ];
}

/** Statements before the loop (the paired attribute, whether it lines up) and in it (blanking an item paired with another value). */
function pairingStatements(variable: string, items: string, checked: string, pairing: Pairing, field: FieldWriter): { before: string[]; inLoop: string } {
  const wanted = compileValue(pairing.equals, [`${variable}_paired_value`], field);
  const pairs = field.names.claim(`${variable}_pairs`);
  const linedUp = field.names.claim(`${variable}_lined_up`);
  const pair = field.names.claim("pair");
  const before = [
    statement(`assign ${pairs} = ${originExpression(pairing.origin, field)}`),
    `${statement(`assign ${linedUp} = false`)}${statement(`if ${pairs}.size == ${items}.size`)}${statement(`assign ${linedUp} = true`)}${statement("endif")}`,
  ];
  const inLoop = [
    statement(`if ${linedUp}`),
    statement(`assign ${pair} = ${pairs}[forloop.index0]`),
    ...pairing.checks.map((check) => checkText(pair, check, field)),
    `${statement(`if ${pair} != ${wanted.variable}`)}${statement(`assign ${checked} = ''`)}${statement("endif")}`,
    statement("endif"),
  ].join("");
  return { before, inLoop };
}

export function firstItemStatements(variable: string, source: string, checks: readonly TextCheck[], field: FieldWriter): string[] {
  const items = field.names.claim(`${variable}_items`);
  const item = field.names.claim("item");
  const checked = field.names.claim("checked");
  const loop = [
    statement(`for ${item} in ${items}`),
    statement(`assign ${checked} = ${item} | append: ''`),
    ...checks.map((check) => checkText(checked, check, field)),
    `${statement(`if ${checked} != blank`)}${statement(`assign ${variable} = ${checked}`)}${statement("break")}${statement("endif")}`,
    statement("endfor"),
  ].join("");
  return [statement(`assign ${items} = ${source}`), statement(`assign ${variable} = ''`), loop];
}
