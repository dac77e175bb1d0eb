import type { Destination } from "../../contract/schema";
import { validateRequest } from "../../contract/validate";
import * as errors from "../../transforms/lib/errors";

/** The names of the deliberate errors transforms/lib defines: the only ways a snippet may fail. */
export const DELIBERATE_ERRORS: ReadonlySet<string> = new Set(
  Object.values(errors).flatMap((value) =>
    typeof value === "function" && value.prototype instanceof errors.TransformError ? [(value as unknown as { NAME: string }).NAME] : [],
  ),
);

/** What one run of a snippet gave, in any engine (the sandbox's RunResult is one). */
export type Outcome = { ok: true; output: unknown } | { ok: false; error: { kind: string; name?: string; message: string } };

/**
 * Why a run is not acceptable: a request the validator refuses, or any
 * failure other than one of our deliberate, one-line errors. Undefined when
 * the run is fine.
 */
export function unacceptable(result: Outcome, destination: Destination): string | undefined {
  if (result.ok) {
    const verdict = validateRequest(result.output, destination);
    return verdict.valid ? undefined : `invalid ${destination} request: ${verdict.problems.slice(0, 5).join("; ")}`;
  }
  const { kind, name, message } = result.error;
  if (kind !== "throw") return `${kind}: ${message}`;
  if (!name || !DELIBERATE_ERRORS.has(name)) return `not a deliberate error: ${name}: ${message}`;
  if (message.includes("\n")) return `${name} has a multi-line message: ${JSON.stringify(message)}`;
  return undefined;
}

/** Throws why the run is unacceptable, for a fast-check property. */
export function assertAcceptable(result: Outcome, destination: Destination): void {
  const problem = unacceptable(result, destination);
  if (problem) throw new Error(problem);
}
