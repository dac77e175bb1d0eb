import { basename, dirname, join, relative, sep } from "node:path";
import type { Project } from "../project";
import type { SnippetMap } from "./snippet-map";

/** A snippet's map lies beside it, never inside: the bytes pasted into Braze stay exactly the code. */
export function mapFileOf(snippetFile: string): string {
  return `${snippetFile}.map`;
}

/**
 * The map file of dist/`snippetFile`: its sources relative to where it lies
 * ("../../transforms/lib/identity.ts"), as the v3 spec resolves them, so it
 * reads the same from any checkout; no sourcesContent, the sources are in the repo.
 */
export function mapFileText(project: Project, snippetFile: string, map: SnippetMap): string {
  const dir = dirname(join(project.distDir, snippetFile));
  const sources = map.sources.map((source) => relative(dir, join(project.root, source)).split(sep).join("/"));
  return `${JSON.stringify({ version: 3, file: basename(snippetFile), sources, names: map.names, mappings: map.mappings })}\n`;
}
