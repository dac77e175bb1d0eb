/**
 * Liquid's `<`, `>`, `<=`, `>=` as Ruby Liquid's Condition applies them:
 * numbers compare with numbers and strings with strings; when a side is
 * neither (nil, true, an array, a hash) the condition is false; a string
 * against a number raises an ArgumentError in Ruby, so it fails here too
 * instead of being coerced the JavaScript way ("15" > 9 is true in liquidjs).
 */
import { defaultOperators, Drop, toValue, type Operators } from "liquidjs";
import { TemplateProblem } from "./errors";

type Comparison = "<" | ">" | "<=" | ">=";

/** Negative, zero or positive as `left` is below, equal to or above `right`. */
function holds(operator: Comparison, order: number): boolean {
  switch (operator) {
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case ">=":
      return order >= 0;
  }
}

function isComparable(value: unknown): value is number | string {
  return typeof value === "number" || typeof value === "string";
}

function stringOrder(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function describe(value: number | string): string {
  return typeof value === "number" ? `the number ${value}` : `the string ${JSON.stringify(value)}`;
}

function rubyComparison(operator: Comparison): Operators[string] {
  const liquidjs = defaultOperators[operator];
  if (liquidjs === undefined) throw new Error(`liquidjs has no ${operator} operator`);
  return (left: unknown, right: unknown, ctx) => {
    // empty and blank are drops with their own comparison rules, which liquidjs implements as Ruby does.
    if (left instanceof Drop || right instanceof Drop) return liquidjs(left, right, ctx);
    const [l, r]: unknown[] = [toValue(left), toValue(right)];
    if (!isComparable(l) || !isComparable(r)) return false;
    if (typeof l === "number" && typeof r === "number") return holds(operator, l - r);
    if (typeof l === "string" && typeof r === "string") return holds(operator, stringOrder(l, r));
    throw new TemplateProblem(
      `${describe(l)} ${operator} ${describe(r)} fails in Braze's Ruby Liquid (a string and a number do not compare)`,
      "compare numbers with numbers: turn text into a number first with {% assign n = text | plus: 0 %}",
    );
  };
}

export const RUBY_OPERATORS: Operators = {
  ...defaultOperators,
  "<": rubyComparison("<"),
  ">": rubyComparison(">"),
  "<=": rubyComparison("<="),
  ">=": rubyComparison(">="),
};
