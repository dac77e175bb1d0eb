import { describeValue } from "../contract/describe";
import { formatPath } from "../contract/path";

/**
 * Where two JSON values first differ, in one line
 * (`events[0].name: expected "Call Completed", got "Call Ended"`), or
 * undefined when they are equal. Object keys are compared in any order.
 */
export function firstDifference(expected: unknown, actual: unknown, path: PropertyKey[] = []): string | undefined {
  const at = formatPath(path);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let index = 0; index < Math.min(expected.length, actual.length); index++) {
      const difference = firstDifference(expected[index], actual[index], [...path, index]);
      if (difference) return difference;
    }
    return expected.length === actual.length ? undefined : `${at}: expected ${expected.length} items, got ${actual.length}`;
  }
  if (isObject(expected) && isObject(actual)) {
    for (const key of Object.keys(expected)) {
      if (!Object.hasOwn(actual, key)) return `${formatPath([...path, key])}: missing (expected ${describeValue(expected[key])})`;
      const difference = firstDifference(expected[key], actual[key], [...path, key]);
      if (difference) return difference;
    }
    const extra = Object.keys(actual).find((key) => !Object.hasOwn(expected, key));
    return extra === undefined ? undefined : `${formatPath([...path, extra])}: not expected (got ${describeValue(actual[extra])})`;
  }
  return Object.is(expected, actual) ? undefined : `${at}: expected ${describeValue(expected)}, got ${describeValue(actual)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
