import type { ConnectedContentCall, Origin, ValueNode } from "../../webhooks/lib/value";
import { BuildError } from "../problems";
import { statement, stringLiteral, VariableNames } from "./liquid-syntax";

/** How a compiled value is printed: a JSON string (escaped), a bare number or boolean, or the items of a JSON array. */
export type Printed = "string" | "bare" | "items";

export interface CompiledValue {
  /** The Liquid variable holding the value; blank when Braze has none. */
  readonly variable: string;
  readonly printed: Printed;
}

/**
 * One composer field being written: its variables and the statements that
 * read, check and convert every value before the field prints anything.
 */
export class FieldWriter {
  readonly names = new VariableNames();
  /** Statements every other statement may rely on (the lists `one-of` checks against). */
  readonly prelude: string[] = [];
  readonly statements: string[] = [];
  /** A value used twice (in the body and in a requirement) is read once. */
  readonly compiled = new Map<ValueNode, CompiledValue>();
  private readonly lists = new Map<string, string>();
  private readonly calls = new Map<ConnectedContentCall, string>();

  constructor(
    readonly templateId: string,
    /** Prints a value as a JSON string's content: the escaping filters of the body, or none in a header. */
    readonly escapeItem: (variable: string) => string,
  ) {}

  /** The variable holding the list called `label`, defined once per field. */
  list(label: string, values: readonly string[]): string {
    const existing = this.lists.get(label);
    if (existing) return existing;
    const variable = this.names.claim(label);
    const separator = ["|", ",", ";", "#", "~"].find((candidate) => values.every((value) => !value.includes(candidate)));
    if (!separator) throw new BuildError(`${this.templateId}: the values of ${label} use every separator a Liquid list can be split on`);
    this.prelude.push(statement(`assign ${variable} = ${stringLiteral(values.join(separator), label)} | split: '${separator}'`));
    this.lists.set(label, variable);
    return variable;
  }

  /** The variable holding the answer of `call`, made once per field, before anything reads it. */
  connected(call: ConnectedContentCall): string {
    const existing = this.calls.get(call);
    if (existing) return existing;
    if (!/^https:\/\/[^\s{}%]+$/.test(call.url)) throw new BuildError(`${this.templateId}: connected content URL "${call.url}" must be https:// without spaces or Liquid`);
    const answer = this.names.claim("connected_answer");
    const options = [
      `:method ${call.method}`,
      ...(call.credential === undefined ? [] : [`:basic_auth ${plainToken(call.credential, "credential", this.templateId)}`]),
      ...(call.body === undefined ? [] : [`:body ${plainToken(call.body, "body", this.templateId)}`]),
      ...(call.cacheMaxAge === undefined ? [] : [`:cache_max_age ${call.cacheMaxAge}`]),
      `:save ${answer}`,
      ":retry",
    ];
    this.prelude.push(statement(`connected_content ${call.url} ${options.join(" ")}`));
    this.calls.set(call, answer);
    return answer;
  }
}

/** Liquid's name for where a value comes from: Braze's `${…}` syntax takes any name without "}"; an answer's field is a path. */
export function originExpression(origin: Origin, field: FieldWriter): string {
  if (origin.from === "connected-content") {
    const segments = origin.name.split(".").map((segment) => (/^[A-Za-z_][\w-]*$/.test(segment) ? `.${segment}` : `[${stringLiteral(segment, origin.name)}]`));
    return `${field.connected(origin.call)}${segments.join("")}`;
  }
  if (origin.name.includes("}")) throw new BuildError(`"${origin.name}": Braze attribute names in Liquid cannot contain "}"`);
  return origin.from === "standard" ? `\${${origin.name}}` : `${origin.from}.\${${origin.name}}`;
}

/** A connected_content option value: one word, no Liquid. */
function plainToken(value: string, option: string, templateId: string): string {
  if (!/^[^\s{}%]+$/.test(value)) throw new BuildError(`${templateId}: connected content ${option} "${value}" must be one word without Liquid`);
  return value;
}
