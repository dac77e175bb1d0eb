import { join } from "node:path";
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
