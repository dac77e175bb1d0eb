import { existsSync, readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { Destination } from "../../contract/schema";
import { readManifest } from "../manifest";
import type { Project } from "../project";
import { UsageError } from "./args";
import { didYouMean } from "./did-you-mean";

export interface SnippetTarget {
  readonly label: string;
  /** Its path; its source map, if bdt built it, lies beside it. */
  readonly file: string;
  readonly code: string;
  readonly destination?: Destination;
  /** Whether it is one of this project's built snippets, which must not be older than their sources. */
  readonly fromDist: boolean;
}

/** A snippet named by its id (`regal/call.completed`), its event (`call.completed`) or its file. */
export function findSnippet(project: Project, target: string): SnippetTarget {
  const manifest = readManifest(project).snippets;
  if (target.endsWith(".js")) {
    const path = resolve(project.root, target);
    if (!existsSync(path)) throw new UsageError(`snippet file not found: ${target}`);
    const listed = manifest.find((entry) => resolve(project.distDir, entry.file) === path);
    return { label: listed ? listed.id : target, file: path, code: readFileSync(path, "utf8"), destination: listed && listed.destination, fromDist: path.startsWith(project.distDir + sep) };
  }
  const byId = manifest.find((entry) => entry.id === target);
  const byEvent = manifest.filter((entry) => entry.events.length === 1 && entry.events[0] === target);
  if (!byId && byEvent.length > 1) throw new UsageError(`"${target}" is the event of ${byEvent.map((entry) => entry.id).join(" and ")}: name one by its id`);
  const entry = byId ?? byEvent[0];
  if (!entry) {
    if (manifest.length === 0) throw new UsageError(`unknown transform "${target}" (dist/ has no snippets: run npm run build first)`);
    const names = [...manifest.map((snippet) => snippet.id), ...manifest.flatMap((snippet) => (snippet.events.length === 1 ? snippet.events : []))];
    throw new UsageError(`unknown transform "${target}"${didYouMean(target, [...new Set(names)]) || ` (none of the ${manifest.length} snippets in dist/manifest.json is named like it)`}`);
  }
  const file = resolve(project.distDir, entry.file);
  return { label: entry.id, file, code: readFileSync(file, "utf8"), destination: entry.destination, fromDist: true };
}

