import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Destination } from "../../contract/schema";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");

export interface ManifestSnippet {
  readonly id: string;
  readonly file: string;
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
  readonly sha256: string;
  readonly bytes: number;
}

/** The committed build: what users paste, and so what every transform test runs. */
export function readManifest(): ManifestSnippet[] {
  return (JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8")) as { snippets: ManifestSnippet[] }).snippets;
}

export function readSnippet(snippet: ManifestSnippet): string {
  return readFileSync(join(DIST, snippet.file), "utf8");
}

/** The per-event snippet for `event` of `source`. */
export function snippetForEvent(source: string, event: string): ManifestSnippet | undefined {
  return readManifest().find((snippet) => snippet.id === `${source}/${event}`);
}
