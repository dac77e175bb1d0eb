import type { DistSnippet } from "./dist-snippets";
import { readHeader } from "../header";
import { similarity, unitCounts, units } from "./similarity";
import { codeSha, type SnippetText } from "./snippet-text";

/** Below this share of lines in common, pasted code is no edit of a snippet but other code. */
export const MIN_SIMILARITY = 0.5;

/** Whether the comment lines above the code are the snippet's own: they never run, so only the code decides. */
export type HeaderState = "as built" | "removed" | "edited";

/** What the pasted code's own header says it is. */
export interface Claim {
  readonly id: string;
  /** Whether dist/ still has a snippet of that id. */
  readonly inDist: boolean;
  readonly version?: string;
  /** Whether the code still hashes to the sha256 its header states: an unedited build. Unknown for a header without one. */
  readonly codeMatchesHeader?: boolean;
}

export interface Nearest {
  readonly snippet: DistSnippet;
  readonly similarity: number;
}

export type Verdict =
  | { readonly kind: "identical"; readonly snippet: DistSnippet; readonly header: HeaderState; readonly sameCode: readonly DistSnippet[]; readonly claim?: Claim }
  | { readonly kind: "drifted"; readonly nearest: Nearest; readonly header: HeaderState; readonly claim?: Claim }
  | { readonly kind: "unknown"; readonly nearest?: Nearest; readonly claim?: Claim };

/**
 * Which dist/ snippet the pasted code is. The code below the header decides:
 * equal to a snippet's, it is that snippet whatever the header says;
 * otherwise it drifted from the snippet it shares most lines with (the one
 * its header names, when that one is close enough), or is none of them.
 */
export function verdictFor(pasted: SnippetText, snippets: readonly DistSnippet[]): Verdict {
  const claim = claimOf(pasted, snippets);
  const code = pasted.code.join("\n");
  const same = snippets.filter((snippet) => snippet.code.join("\n") === code);
  if (same.length > 0) {
    const snippet = same.find((candidate) => headerState(candidate, pasted) === "as built") ?? same.find((candidate) => candidate.id === claim?.id) ?? same[0]!;
    return { kind: "identical", snippet, header: headerState(snippet, pasted), sameCode: same.filter((other) => other !== snippet), claim };
  }
  const counts = { readable: unitCounts(units(pasted.code, false)), minified: unitCounts(units(pasted.code, true)) };
  const ranked = snippets
    .map((snippet) => ({ snippet, similarity: similarity(unitCounts(units(snippet.code, snippet.minified)), snippet.minified ? counts.minified : counts.readable) }))
    .sort((a, b) => b.similarity - a.similarity);
  const claimed = ranked.find(({ snippet, similarity }) => snippet.id === claim?.id && similarity >= MIN_SIMILARITY);
  const nearest = claimed ?? ranked[0];
  if (nearest === undefined || nearest.similarity < MIN_SIMILARITY) return { kind: "unknown", nearest, claim };
  return { kind: "drifted", nearest, header: headerState(nearest.snippet, pasted), claim };
}

function headerState(snippet: DistSnippet, pasted: SnippetText): HeaderState {
  if (pasted.header.length === 0) return "removed";
  return pasted.header.join("\n") === snippet.header.join("\n") ? "as built" : "edited";
}

function claimOf(pasted: SnippetText, snippets: readonly DistSnippet[]): Claim | undefined {
  const facts = readHeader(pasted.header);
  if (facts.id === undefined) return undefined;
  return {
    id: facts.id,
    inDist: snippets.some((snippet) => snippet.id === facts.id),
    version: facts.version,
    codeMatchesHeader: facts.codeSha === undefined ? undefined : codeSha(pasted) === facts.codeSha,
  };
}
