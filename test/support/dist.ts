import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest as readProjectManifest, type ManifestSnippet } from "../../build/manifest";
import { projectAt } from "../../build/project";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");

export type { ManifestSnippet };

/** The committed build: what users paste, and so what every transform test runs. */
export function readManifest(): readonly ManifestSnippet[] {
  return readProjectManifest(projectAt(ROOT)).snippets;
}

export function readSnippet(snippet: ManifestSnippet): string {
  return readFileSync(join(DIST, snippet.file), "utf8");
}

/** The per-event snippet for `event` of `source`. */
export function snippetForEvent(source: string, event: string): ManifestSnippet | undefined {
  return readManifest().find((snippet) => snippet.id === `${source}/${event}`);
}
