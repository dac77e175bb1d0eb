import { relative } from "node:path";
import { projectAt } from "../project";
import { describePlace, readSnippetSource, sourceLineOf, type SnippetPlace } from "../source-position";
import { mapFileOf } from "../source-maps/map-file";
import { parseCommandArgs, UsageError } from "./args";
import { findSnippet, type SnippetTarget } from "./find-snippet";
import { requireFreshDist } from "./fresh-dist";
import { InputError } from "./input-error";
import type { Io } from "./io";
import { ACCEPTED_FORMATS, logPlaces } from "./log-position";
import { snippetFromLog } from "./snippet-from-log";

/**
 * `bdt explain "<log line>"`: the TypeScript position, function and source
 * line of each snippet place a line of Braze's log names, from the snippet's
 * source map in dist/. Line numbers count from the snippet's first line, as
 * pasted.
 */
export async function explainCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { snippet: { type: "string" }, settings: { type: "string" } },
    allowPositionals: true,
  });
  const [logLine, ...extra] = positionals;
  if (logLine === undefined) throw new UsageError('bdt explain needs a line of Braze\'s log, quoted (e.g. bdt explain "at transform (<anonymous>:812:11)")');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": quote the whole log line as one argument`);
  const places = logPlaces(logLine);
  if (places.length === 0) throw new UsageError(`no snippet position in the log line: bdt explain reads ${ACCEPTED_FORMATS}`);

  const project = projectAt(io.cwd, values.settings);
  let snippet: SnippetTarget;
  if (values.snippet === undefined) {
    // Inferred from dist/'s maps, which must be the sources' own.
    requireFreshDist(project);
    const inferred = snippetFromLog(project, logLine, places);
    io.err(`note: explaining ${inferred.snippet.label}: ${inferred.why} (--snippet <id> to choose another)`);
    snippet = inferred.snippet;
  } else {
    snippet = findSnippet(project, values.snippet);
    if (snippet.fromDist) requireFreshDist(project);
  }
  const source = readSnippetSource(snippet.file, project.root);
  if (!source) {
    const map = relative(io.cwd, mapFileOf(snippet.file));
    throw new InputError(snippet.fromDist ? `${map} is missing: run npm run build` : `${snippet.label} has no source map beside it (${map}): only snippets bdt built have one`);
  }

  const lines = snippet.code.split("\n");
  let explained = 0;
  for (const place of places) {
    const problem = outsideCode(snippet.label, lines, place);
    const position = problem === undefined ? source.at(place) : undefined;
    if (!position) {
      io.err(`error: ${problem ?? unmapped(snippet.label, lines, place)}`);
      continue;
    }
    io.out(describePlace(position, place, snippet.label));
    const text = sourceLineOf(project.root, position);
    if (text !== undefined) for (const line of withCaret(text, position.line, position.column)) io.out(line);
    explained++;
  }
  return explained > 0 ? 0 : 1;
}

/** Why a place is not in the snippet at all, if it is not. */
function outsideCode(label: string, lines: readonly string[], place: SnippetPlace): string | undefined {
  const count = lines.at(-1) === "" ? lines.length - 1 : lines.length;
  if (place.line < 1 || place.line > count) return `${label} has ${count} lines: line ${place.line} is not in it (is the log from an older paste of it?)`;
  const length = lines[place.line - 1]!.length;
  if (place.column !== undefined && (place.column < 1 || place.column > length + 1)) return `${label} line ${place.line} has ${length} characters: column ${place.column} is not on it`;
  return undefined;
}

/** Why a place in the snippet has no TypeScript: the header comment, or code the build writes itself. */
function unmapped(label: string, lines: readonly string[], place: SnippetPlace): string {
  // The header's comment lines, and the blank line after them.
  const header = lines.findIndex((line) => !line.startsWith("//")) + 1;
  if (place.line <= header) return `${label} line ${place.line} is in its header comment: no code there`;
  return `${label} line ${place.line} is code the build writes itself (the snippet's entry, its settings or its return), from no TypeScript source`;
}

/** The source line under its number, and a caret under the column, as compilers print them. */
function withCaret(text: string, line: number, column: number): [string, string] {
  const gutter = String(line);
  const pad = text.slice(0, column - 1).replace(/[^\t]/g, " ");
  return [`  ${gutter} | ${text}`, `  ${" ".repeat(gutter.length)} | ${pad}^`];
}
