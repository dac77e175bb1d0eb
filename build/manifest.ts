import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Destination } from "../contract/schema";
import { BuildError } from "./problems";
import type { Project } from "./project";

/** dist/manifest.json: every snippet and webhook template of the build, each with its file and that file's sha256. */
export interface Manifest {
  readonly snippets: readonly ManifestSnippet[];
  readonly webhooks: readonly ManifestWebhook[];
}

export interface ManifestSnippet {
  readonly id: string;
  readonly file: string;
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ManifestWebhook {
  readonly id: string;
  readonly file: string;
  readonly partner: string;
  /** The partner request it is checked against (`contract/partners/`). */
  readonly request: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The manifest of a project's dist/; an empty one when dist/ is not built. A manifest that is not JSON is a BuildError saying to rebuild. */
export function readManifest(project: Project): Manifest {
  const file = join(project.distDir, "manifest.json");
  if (!existsSync(file)) return { snippets: [], webhooks: [] };
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Partial<Manifest>;
  } catch (error) {
    throw new BuildError(`dist/manifest.json is not valid JSON (${(error as Error).message}): run npm run build`);
  }
  return { snippets: manifest.snippets ?? [], webhooks: manifest.webhooks ?? [] };
}
