import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../cli/input-error";
import { parseJson } from "../cli/input-files";
import { displayPath, type Project } from "../project";
import type { DistSnippet } from "./dist-snippets";

/** The TypeScript files a snippet was built from, and where that list comes from. */
export interface SnippetSources {
  readonly files: readonly string[];
  /** The source map read (`dist/<id>.js.map`), or "header" when there is none. */
  readonly from: string;
}

/**
 * The source map beside the snippet lists every file that reached it (its
 * `sources`, relative to the map); without a map, the header names the
 * module or folder it was generated from.
 */
export function snippetSources(project: Project, snippet: DistSnippet): SnippetSources {
  const mapPath = `${snippet.path}.map`;
  if (!existsSync(mapPath)) return { files: snippet.facts.generatedFrom === undefined ? [] : [snippet.facts.generatedFrom], from: "header" };
  const mapFile = displayPath(project, mapPath);
  const map = parseJson(readFileSync(mapPath, "utf8"), mapFile) as { sources?: unknown };
  const sources = map?.sources;
  if (!Array.isArray(sources) || !sources.every((source) => typeof source === "string")) throw new InputError(`${mapFile}: not a source map (no "sources" list of file names)`);
  return { files: sources.map((source) => displayPath(project, resolve(dirname(mapPath), source))), from: mapFile };
}
