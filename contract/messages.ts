import type { z } from "zod";
import { describeValue, thousands } from "./describe";

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a finite number",
  int: "an integer",
  boolean: "a boolean",
  null: "null",
  array: "an array",
  object: "an object",
  record: "an object",
};

function expectation(expected: string): string {
  return EXPECTED[expected] ?? `a ${expected}`;
}

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function measured(origin: string, input: unknown): string {
  if (origin === "string" && typeof input === "string") return `${thousands(input.length)} chars`;
  if (origin === "array" && Array.isArray(input)) return `${thousands(input.length)} items`;
  return describeValue(input);
}

/**
 * The types a union accepts, read from its options' own type mismatches: a
 * union only reports itself when the value matched none of their types.
 */
function acceptedTypes(branches: readonly z.core.$ZodIssue[][]): string[] {
  const types = branches.flatMap((issues) =>
    issues.flatMap((issue) => (issue.code === "invalid_type" && issue.path.length === 0 ? [expectation(issue.expected)] : [])),
  );
  return [...new Set(types)];
}

/**
 * Words zod's built-in checks as the "what is wrong" half of a problem line.
 * Issues it leaves alone (custom rules, record keys) already carry their
 * wording from the schema, or are replaced by their inner issues in validate.ts.
 */
export const problemMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${expectation(issue.expected)}, got ${describeValue(issue.input)}`;
    case "too_big":
      return `${measured(issue.origin, issue.input)} > ${thousands(Number(issue.maximum))}`;
    case "too_small":
      return Number(issue.minimum) === 1 && issue.origin !== "number"
        ? "must not be empty"
        : `${measured(issue.origin, issue.input)} < ${thousands(Number(issue.minimum))}`;
    case "invalid_format":
      if (issue.format === "datetime") return `${describeValue(issue.input)} is not an ISO-8601 datetime`;
      if (issue.format === "date") return `${describeValue(issue.input)} is not a valid YYYY-MM-DD date`;
      return `${describeValue(issue.input)} does not match ${issue.pattern ?? issue.format}`;
    case "invalid_value":
      return `${describeValue(issue.input)} is not one of ${issue.values.map(describeValue).join(", ")}`;
    case "unrecognized_keys":
      return "unexpected key";
    case "invalid_union":
      return `expected ${orList(acceptedTypes(issue.errors))}, got ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};
