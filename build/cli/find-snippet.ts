import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Destination } from "../../contract/schema";
import type { Project } from "../project";
import { UsageError } from "./args";

export interface SnippetTarget {
  readonly label: string;
  readonly code: string;
  readonly destination?: Destination;
}

interface ManifestEntry {
  readonly id: string;
  readonly file: string;
  readonly events: readonly string[];
  readonly destination: Destination;
}

/** A snippet named by its id (`regal/call.completed`), its event (`call.completed`) or its file. */
export function findSnippet(project: Project, target: string): SnippetTarget {
  const manifest = readManifest(project);
  const path = resolve(project.root, target);
  if (target.endsWith(".js")) {
    if (!existsSync(path)) throw new UsageError(`snippet file not found: ${target}`);
    const listed = manifest.find((entry) => resolve(project.distDir, entry.file) === path);
    return { label: listed ? listed.id : target, code: readFileSync(path, "utf8"), destination: listed && listed.destination };
  }
  const byId = manifest.find((entry) => entry.id === target);
  const byEvent = manifest.filter((entry) => entry.events.length === 1 && entry.events[0] === target);
  const entry = byId ?? (byEvent.length === 1 ? byEvent[0] : undefined);
  if (!entry) {
    const known = manifest.map((snippet) => snippet.id).join(", ") || "none: run npm run build first";
    throw new UsageError(`unknown transform "${target}" (known: ${known})`);
  }
  return { label: entry.id, code: readFileSync(resolve(project.distDir, entry.file), "utf8"), destination: entry.destination };
}

function readManifest(project: Project): ManifestEntry[] {
  const file = resolve(project.distDir, "manifest.json");
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { snippets: ManifestEntry[] }).snippets;
}
