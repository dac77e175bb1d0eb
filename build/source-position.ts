import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { InputError } from "./cli/input-error";
import { enclosingFunction } from "./enclosing-function";
import { mapFileOf } from "./source-maps/map-file";

/** A place in a snippet's own text, as engines report it: 1-based line, and 1-based column when known. */
export interface SnippetPlace {
  readonly line: number;
  readonly column?: number;
}

/** A place in a TypeScript source: its path relative to the project root, 1-based line and column, and the function it is in. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly function?: string;
}

/** A snippet's source map, read from beside it (dist/<id>.js.map). */
export interface SnippetSource {
  /** The TypeScript position of a place in the snippet; undefined when no source is there (the header, the build's own code). */
  at(place: SnippetPlace): SourcePosition | undefined;
}

/**
 * The map beside `snippetFile`, undefined when there is none (a snippet not
 * built by bdt). Paths come out relative to `root`, the project's. A map
 * that is not one (edited by hand, or being written) is an InputError.
 */
export function readSnippetSource(snippetFile: string, root: string): SnippetSource | undefined {
  const mapFile = mapFileOf(snippetFile);
  if (!existsSync(mapFile)) return undefined;
  let map: TraceMap;
  try {
    map = new TraceMap(readFileSync(mapFile, "utf8"));
  } catch (error) {
    throw new InputError(`${relative(root, mapFile).split(sep).join("/")} is not a source map (${(error as Error).message}): run npm run build`);
  }
  return {
    at({ line, column }) {
      const lookup = (col: number, bias: typeof GREATEST_LOWER_BOUND | typeof LEAST_UPPER_BOUND) => originalPositionFor(map, { line, column: col, bias });
      const before = column === undefined ? undefined : lookup(column - 1, GREATEST_LOWER_BOUND);
      // With no column, the line's first mapped code; a column before it (indentation) means that code too.
      const found = before && before.source !== null ? before : lookup(column === undefined ? 0 : column - 1, LEAST_UPPER_BOUND);
      if (found.source === null) return undefined;
      const path = resolve(dirname(mapFile), found.source);
      const position = { file: relative(root, path).split(sep).join("/"), line: found.line, column: found.column + 1 };
      const name = existsSync(path) ? enclosingFunction(path, position.line, position.column) : undefined;
      return name === undefined ? position : { ...position, function: name };
    },
  };
}

/** The text of the source line at `position`; undefined when the file no longer has it. */
export function sourceLineOf(root: string, position: SourcePosition): string | undefined {
  const path = resolve(root, position.file);
  return existsSync(path) ? readFileSync(path, "utf8").split(/\r?\n/)[position.line - 1] : undefined;
}

/** Where in TypeScript a snippet's error happened; undefined unless it has a line, the snippet a map, and the map a source there. */
export function errorSource(snippetFile: string, root: string, error: { readonly line?: number; readonly column?: number }): SourcePosition | undefined {
  if (error.line === undefined) return undefined;
  return readSnippetSource(snippetFile, root)?.at({ line: error.line, column: error.column });
}

/** "transforms/lib/identity.ts:34:3 in resolveIdentity (snippet line 184:5)": where a snippet error happened, for describeError. */
export function describePlace(source: SourcePosition, place: { readonly line?: number; readonly column?: number }, snippet = "snippet"): string {
  const snippetAt = place.line === undefined ? "" : ` (${snippet} line ${place.line}${place.column === undefined ? "" : `:${place.column}`})`;
  return `${source.file}:${source.line}:${source.column}${source.function ? ` in ${source.function}` : ""}${snippetAt}`;
}
