import type { TextCheck } from "../../webhooks/lib/value";
import type { FieldWriter } from "./field-writer";
import { statement, stringLiteral } from "./liquid-syntax";

/** One check or change of a text variable; a failed check blanks it. */
/**
 * Every character JavaScript's \s matches beyond ASCII, and those Ruby's
 * [[:space:]] adds (U+0085, U+180E), as url_param_escape writes them in UTF-8
 * (U+2000 to U+200F share a prefix).
 */
const UNICODE_SPACES = ["%C2%85", "%C2%A0", "%E1%9A%80", "%E1%A0%8E", "%E2%80%8", "%E2%80%A8", "%E2%80%A9", "%E2%80%AF", "%E2%81%9F", "%E3%80%80", "%EF%BB%BF"];

export function checkText(variable: string, check: TextCheck, field: FieldWriter): string {
  const blankIt = statement(`assign ${variable} = ''`);
  switch (check.check) {
    case "lowercase":
      return statement(`assign ${variable} = ${variable} | downcase`);
    case "before":
      return statement(`assign ${variable} = ${variable} | split: ${stringLiteral(check.separator, "before()")} | first`);
    case "one-of": {
      const list = field.list(check.label, check.values);
      return `${statement(`unless ${list} contains ${variable}`)}${blankIt}${statement("endunless")}`;
    }
    case "email": {
      // The partners' check (contract/partners/fields.ts) in Liquid. Whitespace as JavaScript's \s means it (and control
      // characters) is found in the value's url_param_escape form, where each has its own percent code.
      const parts = field.names.claim(`${variable}_parts`);
      const domain = field.names.claim(`${variable}_domain`);
      const domainStart = field.names.claim(`${variable}_domain_start`);
      const domainEnd = field.names.claim(`${variable}_domain_end`);
      const escaped = field.names.claim(`${variable}_escaped`);
      const space = field.names.claim("space");
      const spaces = field.list("percent-encoded spaces", UNICODE_SPACES);
      return [
        statement(`assign ${parts} = ${variable} | split: '@'`),
        statement(`assign ${domain} = ${parts} | last`),
        statement(`assign ${domainStart} = ${domain} | slice: 0`),
        statement(`assign ${domainEnd} = ${domain} | slice: -1`),
        `${statement(`if ${parts}.size != 2 or ${parts}[0] == blank or ${domainStart} == '.' or ${domainEnd} == '.'`)}${blankIt}${statement("endif")}`,
        `${statement(`unless ${domain} contains '.'`)}${blankIt}${statement("endunless")}`,
        statement(`assign ${escaped} = ${variable} | url_param_escape`),
        `${statement(`if ${variable} contains ' ' or ${escaped} contains '%0' or ${escaped} contains '%1'`)}${blankIt}${statement("endif")}`,
        `${statement(`for ${space} in ${spaces}`)}${statement(`if ${escaped} contains ${space}`)}${blankIt}${statement("endif")}${statement("endfor")}`,
      ].join("");
    }
    case "uuid": {
      const groups = field.names.claim("uuid_groups");
      const shape = field.names.claim("uuid_shape");
      const group = field.names.claim("uuid_group");
      const rest = field.names.claim("uuid_rest");
      const removeHex = [..."0123456789abcdef-"].map((digit) => ` | remove: '${digit}'`).join("");
      return [
        statement(`assign ${groups} = ${variable} | split: '-'`),
        statement(`assign ${shape} = ''`),
        `${statement(`for ${group} in ${groups}`)}${statement(`assign ${shape} = ${shape} | append: ${group}.size | append: '.'`)}${statement("endfor")}`,
        statement(`assign ${rest} = ${variable} | downcase${removeHex}`),
        `${statement(`if ${shape} != '8.4.4.4.12.' or ${rest} != ''`)}${blankIt}${statement("endif")}`,
      ].join("");
    }
    case "local-date-time": {
      // Braze's date filter returns what it cannot parse unchanged: a parse gives digits for %s, a local date-time prints back
      // as itself, and only a real one has the shape YYYY-MM-DDTHH:MM:SS ("2026" or "-271821" print back as themselves too).
      const seconds = field.names.claim(`${variable}_seconds`);
      const secondsAsNumber = field.names.claim(`${variable}_seconds_as_number`);
      const full = field.names.claim(`${variable}_full`);
      const minutes = field.names.claim(`${variable}_minutes`);
      const separator = field.names.claim(`${variable}_t`);
      return [
        statement(`assign ${seconds} = ${variable} | date: '%s'`),
        statement(`assign ${secondsAsNumber} = ${seconds} | plus: 0 | append: ''`),
        statement(`assign ${full} = ${variable} | date: '%Y-%m-%dT%H:%M:%S'`),
        statement(`assign ${minutes} = ${variable} | date: '%Y-%m-%dT%H:%M'`),
        statement(`assign ${separator} = ${full} | slice: 10, 1`),
        statement(`if ${seconds} != ${secondsAsNumber} or ${separator} != 'T' or ${full}.size != 19`),
        blankIt,
        statement(`elsif ${variable} == ${full} or ${variable} == ${minutes}`),
        statement(`assign ${variable} = ${full}`),
        statement("else"),
        blankIt,
        statement("endif"),
      ].join("");
    }
  }
}
