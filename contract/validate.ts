import type { z } from "zod";
import { problemMessage } from "./messages";
import { formatPath } from "./path";
import { DESTINATION_SCHEMAS, type Destination } from "./schema";

export type ValidationResult = { valid: true } | { valid: false; problems: string[] };

export interface Problem {
  path: PropertyKey[];
  message: string;
}

/**
 * Turns zod issues into one problem per offending value. A union that failed
 * is replaced by the problems of the option the value was meant for: the
 * first one that got past the value itself (right type, marker keys), i.e.
 * whose every issue lies deeper. A record key's issues replace the wrapper.
 */
export function problemsIn(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case "invalid_union": {
        const meant = issue.errors.find((option) => option.every((inner) => inner.path.length > 0));
        return meant ? problemsIn(meant, path) : [{ path, message: issue.message }];
      }
      case "invalid_key":
        return problemsIn(issue.issues, path);
      case "unrecognized_keys":
        return issue.keys.map((key) => ({ path: [...path, key], message: issue.message }));
      default:
        return [{ path, message: issue.message }];
    }
  });
}

/**
 * Checks a request body against what Braze accepts at `destination`. Every
 * problem is one line, `<path>: <what is wrong>`, in the order the schema
 * meets them (fields in schema order, then extra keys, then object-level rules).
 */
export function validateRequest(body: unknown, destination: Destination = "POST /users/track"): ValidationResult {
  const result = DESTINATION_SCHEMAS[destination].safeParse(body, { error: problemMessage });
  if (result.success) return { valid: true };
  const problems = problemsIn(result.error.issues, []).map(({ path, message }) => `${formatPath(path)}: ${message}`);
  return { valid: false, problems };
}

export function formatProblems(problems: readonly string[]): string {
  return problems.join("\n");
}
