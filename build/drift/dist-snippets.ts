import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../cli/input-error";
import { readManifest } from "../manifest";
import { displayPath, type Project } from "../project";
import { readHeader, type PastedHeader } from "../header";
import { readSnippetText, type SnippetText } from "./snippet-text";

/** A snippet of dist/ that pasted code may be: the readable one, or its `--min` variant when the build wrote one. */
export interface DistSnippet extends SnippetText {
  readonly id: string;
  /** Its path as shown, `dist/regal/call.completed.js`. */
  readonly file: string;
  readonly path: string;
  readonly minified: boolean;
  readonly facts: PastedHeader;
}

/** Every snippet dist/manifest.json lists, each followed by its `.min.js` when there is one (build/dist-files.ts names them). */
export function distSnippets(project: Project): DistSnippet[] {
  return readManifest(project).snippets.flatMap((entry) => {
    const readable = distSnippet(project, entry.id, join(project.distDir, entry.file), false);
    const minPath = join(project.distDir, `${entry.id}.min.js`);
    return existsSync(minPath) ? [readable, distSnippet(project, entry.id, minPath, true)] : [readable];
  });
}

function distSnippet(project: Project, id: string, path: string, minified: boolean): DistSnippet {
  const file = displayPath(project, path);
  if (!existsSync(path)) throw new InputError(`dist/manifest.json lists ${file}, which is missing: run npm run build`);
  const text = readSnippetText(readFileSync(path, "utf8"));
  return { id, file, path, minified, facts: readHeader(text.header), ...text };
}
