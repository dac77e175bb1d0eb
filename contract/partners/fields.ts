/**
 * Field schemas the partner bodies share. zod's own checks are worded by
 * contract/messages.ts; these word only what it would word badly.
 */
import { z } from "zod";
import { describeValue } from "../describe";

/**
 * A string that says something. A partner takes "" (or blanks) as a value
 * and overwrites what it holds, which is what an unset Braze attribute renders as.
 * The pattern lets "" through to leave it to min(1)'s one problem; no `abort`,
 * which would also stop the object-level rules that run despite field problems.
 */
export const Text = z.string().min(1).regex(/^$|\S/, "must not be only whitespace");

/** Format problems only: a missing or mistyped value is left to messages.ts's wording. */
export function formatError(problem: string) {
  return (issue: { code: string; input?: unknown }) => (issue.code === "invalid_format" ? `${describeValue(issue.input)} ${problem}` : undefined);
}

/**
 * What the partners say of an e-mail address is only "email"; Braze has
 * already refused what it does not take as one. So: something, "@", a domain
 * with a dot inside it, no whitespace (zod's own e-mail pattern would refuse
 * non-ASCII local parts Braze keeps).
 */
export const Email = z.string().regex(/^[^\s@]+@[^\s@.][^\s@]*\.[^\s@]*[^\s@.]$/, { error: formatError("is not an e-mail address") });

/** A point in time with its offset (or Z), as the partners' "ISO 8601" means. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** z.int() reports a non-number as "expected number"; say integer whatever the input (as contract/users-track.ts does). */
export const Integer = z.int({
  error: (issue) => (issue.code === "invalid_type" ? `expected an integer, got ${describeValue(issue.input)}` : undefined),
});
