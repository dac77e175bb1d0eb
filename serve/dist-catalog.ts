import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Destination } from "../contract/schema";
import { readManifest, type Manifest } from "../build/manifest";
import type { Project } from "../build/project";
import type { ShippedWebhook } from "../build/webhooks/dist-files";

export interface CatalogSnippet {
  readonly id: string;
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
  readonly sha256: string;
  readonly code: string;
}

export interface CatalogWebhook extends ShippedWebhook {
  readonly request: string;
}

/** What dist/ holds, as its manifest lists it: every snippet with its code, every webhook template. */
export interface DistCatalog {
  readonly snippets: ReadonlyMap<string, CatalogSnippet>;
  readonly webhooks: ReadonlyMap<string, CatalogWebhook>;
}

/** dist/ is mid-write (a file does not match the manifest's hash): read it again shortly. */
export class DistInFlux extends Error {}

/** Reads dist/ whole; an unbuilt dist/ is an empty catalog. Throws DistInFlux while a build is writing it. */
export function readCatalog(project: Project): DistCatalog {
  let manifest: Manifest;
  try {
    manifest = readManifest(project);
  } catch (error) {
    throw new DistInFlux(`dist/manifest.json: ${(error as Error).message}`);
  }
  const read = (file: string, sha256: string): string => {
    const path = join(project.distDir, file);
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (createHash("sha256").update(text).digest("hex") !== sha256) throw new DistInFlux(`dist/${file} does not match dist/manifest.json`);
    return text;
  };
  const snippets = manifest.snippets.map(({ file, bytes: _bytes, ...entry }): CatalogSnippet => ({ ...entry, code: read(file, entry.sha256) }));
  const webhooks = manifest.webhooks.map(({ file, request, sha256 }): CatalogWebhook => ({ ...(JSON.parse(read(file, sha256)) as ShippedWebhook), request }));
  return { snippets: new Map(snippets.map((snippet) => [snippet.id, snippet])), webhooks: new Map(webhooks.map((webhook) => [webhook.id, webhook])) };
}

/**
 * The snippet a transformation URL runs: `/<id>` the snippet with that id,
 * `/<source>` (a source id, nested ones too) that source's router.
 */
export function snippetAt(catalog: DistCatalog, path: string): CatalogSnippet | undefined {
  const id = path.replace(/^\/+|\/+$/g, "");
  return catalog.snippets.get(id) ?? catalog.snippets.get(`${id}/router`);
}
