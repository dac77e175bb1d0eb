import { distSnippets, type DistSnippet } from "../drift/dist-snippets";
import { driftDiff, type Drift } from "../drift/drift-diff";
import { snippetSources } from "../drift/snippet-sources";
import { codeSha, readSnippetText } from "../drift/snippet-text";
import { MIN_SIMILARITY, verdictFor, type Claim, type HeaderState, type Verdict } from "../drift/verdict";
import { projectAt, type Project } from "../project";
import { parseCommandArgs, UsageError } from "./args";
import { requireFreshDist } from "./fresh-dist";
import { readText } from "./input-files";
import type { Io } from "./io";

/** What `bdt verify` found: `--json` prints it as it is. */
interface VerifyReport {
  readonly verdict: "identical" | "drifted" | "not a dist snippet";
  readonly header?: HeaderState;
  readonly snippet?: SnippetReport;
  /** Other snippets whose code is the same (a router and an event snippet can be). */
  readonly sameCode?: readonly string[];
  readonly similarity?: number;
  readonly changes?: Omit<Drift, "diff">;
  readonly diff?: string;
  readonly nearest?: { readonly id: string; readonly file: string; readonly similarity: number };
  readonly pastedHeader?: Claim;
}

interface SnippetReport {
  readonly id: string;
  readonly file: string;
  readonly builtFrom: readonly string[];
  /** The source map the list comes from, or "header". */
  readonly sourcesFrom: string;
  readonly settings?: string;
  readonly version?: string;
  readonly codeSha256: string;
}

/**
 * Says whether code copied out of Braze's editor is exactly a current dist/
 * snippet: Braze has no API for transformations, so nothing else tells.
 * Exit 0 when the code is (whatever happened to its header comments), 1
 * when it drifted or is no dist/ snippet, 2 when there is nothing to verify.
 */
export async function verifyCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { settings: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [input, ...extra] = positionals;
  if (!input) throw new UsageError("bdt verify needs the code to check: a file, or - to read it from standard input (pbpaste | npx bdt verify -)");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  const project = projectAt(io.cwd, values.settings);
  const name = input === "-" ? "standard input" : input;
  const pasted = readSnippetText(input === "-" ? await readStdin(io) : readText(io.cwd, input));
  // Nothing pasted says nothing about Braze: exit 2, not the 1 of a drifted snippet.
  if (pasted.code.length === 0) {
    io.err(`error: ${name} ${pasted.header.length > 0 ? "holds only comments" : "is empty"}: no code to verify (copy all of it from Braze's editor)`);
    return 2;
  }
  requireFreshDist(project);

  const verdict = verdictFor(pasted, distSnippets(project));
  const drift = verdict.kind === "drifted" ? driftDiff(verdict.nearest.snippet, pasted, name) : undefined;
  const report = reportOf(project, verdict, drift);
  if (values.json) io.out(JSON.stringify(report));
  else printReport(io, report);
  return report.verdict === "identical" ? 0 : 1;
}

async function readStdin(io: Io): Promise<string> {
  try {
    return await io.stdin();
  } catch (error) {
    // The shared reader's words are bdt run's (a payload).
    if (error instanceof UsageError) throw new UsageError("nothing piped in: pbpaste | npx bdt verify -, or give the file the code was saved in");
    throw error;
  }
}

function reportOf(project: Project, verdict: Verdict, drift: Drift | undefined): VerifyReport {
  const pastedHeader = verdict.claim;
  switch (verdict.kind) {
    case "identical":
      return { verdict: "identical", header: verdict.header, snippet: snippetReport(project, verdict.snippet), sameCode: verdict.sameCode.map((other) => other.id), pastedHeader };
    case "drifted": {
      const { diff, ...changes } = drift!;
      return { verdict: "drifted", header: verdict.header, snippet: snippetReport(project, verdict.nearest.snippet), similarity: verdict.nearest.similarity, changes, diff, pastedHeader };
    }
    case "unknown": {
      const nearest = verdict.nearest && { id: verdict.nearest.snippet.id, file: verdict.nearest.snippet.file, similarity: verdict.nearest.similarity };
      return { verdict: "not a dist snippet", nearest, pastedHeader };
    }
  }
}

function snippetReport(project: Project, snippet: DistSnippet): SnippetReport {
  const sources = snippetSources(project, snippet);
  return {
    id: snippet.id,
    file: snippet.file,
    builtFrom: sources.files,
    sourcesFrom: sources.from,
    settings: snippet.facts.settingsFile,
    version: snippet.facts.version,
    codeSha256: codeSha(snippet),
  };
}

/** The verdict on stderr, as every bdt verdict, each remark indented below it; the diff on stdout, so it can go to a file. */
function printReport(io: Io, report: VerifyReport): void {
  const [verdict, ...remarks] = report.verdict === "identical" ? identicalLines(report) : notIdenticalLines(report);
  io.err(verdict!);
  for (const remark of remarks) io.err(`  ${remark}`);
  if (report.diff) for (const line of report.diff.trimEnd().split("\n")) io.out(line);
}

function identicalLines(report: VerifyReport): string[] {
  const snippet = report.snippet!;
  const header = report.header === "as built" ? undefined : report.header === "removed" ? "missing" : "not as built";
  return [
    `${header ? `identical code, header ${report.header}` : "identical"}: ${describeSnippet(snippet)}`,
    `built from ${snippet.builtFrom.join(", ") || "(its header does not say)"} (${snippet.sourcesFrom === "header" ? "its header" : snippet.sourcesFrom})`,
    ...(snippet.settings ? [`settings from ${snippet.settings}`] : []),
    ...(header ? [`the comment lines above the code are ${header}: they never run, so Braze runs exactly this snippet`] : []),
    ...(report.sameCode && report.sameCode.length > 0 ? [`the same code as ${report.sameCode.join(", ")}`] : []),
    ...(report.pastedHeader && report.pastedHeader.id !== snippet.id ? [`its header names ${report.pastedHeader.id}`] : []),
  ];
}

function notIdenticalLines(report: VerifyReport): string[] {
  const { snippet, changes, nearest } = report;
  const lines =
    snippet && changes
      ? [
          `drifted from ${snippet.id} (${snippet.file}): ${describeChanges(changes)}, ${percent(report.similarity!)} of ${changes.unit}s shared`,
          ...(report.header === "as built" ? [] : [`its header comments are ${report.header === "removed" ? "missing" : "not as built"}: the diff compares the code below them`]),
          ...(changes.whitespaceOnly ? ["only spaces, tabs and line breaks differ: that changes nothing outside strings and template literals, but verify cannot tell where they are"] : []),
          ...(changes.invisible ? ["changed lines hold invisible characters, shown as <U+00A0> and the like: a copy out of a browser can turn spaces into non-breaking spaces"] : []),
        ]
      : [
          nearest
            ? `not a dist/ snippet: the nearest is ${nearest.id} (${nearest.file}), ${percent(nearest.similarity)} of lines shared, below the ${percent(MIN_SIMILARITY)} of an edited copy`
            : "not a dist/ snippet: dist/manifest.json lists no snippets",
        ];
  return report.pastedHeader ? [...lines, describeClaim(report.pastedHeader, snippet?.id)] : lines;
}

function describeSnippet(snippet: SnippetReport): string {
  const version = snippet.version ? `braze-transforms ${snippet.version}, ` : "";
  return `${snippet.id} (${snippet.file}), ${version}code sha256 ${snippet.codeSha256}`;
}

function describeChanges(changes: Omit<Drift, "diff">): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const what = changes.removed === changes.added ? `${plural(changes.removed, changes.unit)} changed` : `${plural(changes.removed, changes.unit)} removed, ${changes.added} added`;
  return `${what} in ${plural(changes.places, "place")}`;
}

/** What the pasted header says, where it tells the reader more than the verdict. */
function describeClaim(claim: Claim, matched: string | undefined): string {
  const built = claim.version ? ` (braze-transforms ${claim.version})` : "";
  const other = !claim.inDist ? ", which dist/ no longer has" : matched !== undefined && matched !== claim.id ? `, not ${matched}` : "";
  const names = `its header names ${claim.id}${built}${other}`;
  if (claim.codeMatchesHeader === undefined) return names;
  return claim.codeMatchesHeader
    ? `${names}; its code still matches that header's sha256: an unedited build other than the current dist/ (built before the last change?)`
    : `${names}; its code does not match that header's sha256: edited after it was built`;
}

/** Rounded down, so a drifted copy never shows 100%. */
function percent(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
