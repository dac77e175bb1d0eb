import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describePlace, errorSource } from "../../build/source-position";
import { describeError, type SnippetError } from "../../sandbox";
import { DIST, ROOT, type ManifestSnippet } from "./dist";

/**
 * What a built snippet threw and where in its TypeScript, on one line, for
 * assertion messages: "snippet threw MissingIdentityError at
 * transforms/lib/identity.ts:34:3 in resolveIdentity (snippet line 184:5): …".
 * A V8 outcome's failure (no kind) is a throw.
 */
export function describeFailure(snippet: ManifestSnippet, failure: Omit<SnippetError, "kind"> & { kind?: SnippetError["kind"] }): string {
  const error: SnippetError = { kind: "throw", ...failure };
  const source = errorSource(join(DIST, snippet.file), ROOT, error);
  return describeError(error, source && describePlace(source, error));
}

/**
 * `message()` when `actual` may not equal `expected`, else undefined: for an
 * assertion's message, as describing a failure maps it through the source
 * maps, too slow to do for each of the hundreds of cases that pass.
 */
export function unlessEqual(actual: unknown, expected: unknown, message: () => string): string | undefined {
  return isDeepStrictEqual(actual, expected) ? undefined : message();
}
