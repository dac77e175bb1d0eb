import { join } from "node:path";
import { readManifest, type ManifestSnippet } from "../manifest";
import type { Project } from "../project";
import { readSnippetSource, sourceLineOf, type SnippetPlace } from "../source-position";
import { UsageError } from "./args";
import { findSnippet, type SnippetTarget } from "./find-snippet";

/** Longer lists of candidates help no one choose: the usage error then counts them. */
const MAX_LISTED = 3;

/**
 * The snippet a line of Braze's log is about, when the line says: it names
 * the snippet (its id or file), or an event (transforms' messages start
 * "Regal call.completed: …") of which only one snippet has TypeScript at the
 * line's places, throwing the Error the line names if it names one. A
 * per-event snippet and its source's router handle the same event; the
 * places usually tell them apart.
 */
export function snippetFromLog(project: Project, logLine: string, places: readonly SnippetPlace[]): { snippet: SnippetTarget; why: string } {
  const manifest = readManifest(project).snippets;
  if (manifest.length === 0) throw new UsageError("dist/ has no snippets: run npm run build first");
  const tokens = new Set((logLine.match(/[\w$./-]+/g) ?? []).map((token) => token.replace(/[.:]+$/, "")));
  const named = manifest.filter((entry) => [...tokens].some((token) => token === entry.id || token === entry.file || token.endsWith(`/${entry.file}`)));
  if (named.length === 1) return { snippet: findSnippet(project, named[0]!.id), why: "the log line names it" };
  const events = [...new Set(manifest.flatMap((entry) => entry.events))].filter((event) => tokens.has(event));
  const candidates = named.length > 1 ? named : manifest.filter((entry) => entry.events.some((event) => events.includes(event)));
  if (candidates.length === 0) {
    throw new UsageError(`the log line names no snippet and no event of one: pass --snippet <id> (e.g. ${manifest[0]!.id})`);
  }
  const errors = logLine.match(/\b[A-Z]\w*Error\b/g) ?? [];
  const lines = new Map(candidates.map((entry) => [entry, sourceLines(project, entry, places)]));
  const mapped = candidates.filter((entry) => lines.get(entry)!.length > 0);
  const throwing = mapped.filter((entry) => lines.get(entry)!.some((line) => errors.some((name) => line.includes(name))));
  const chosen = throwing.length > 0 ? throwing : mapped;
  if (chosen.length === 1) {
    const among = named.length > 1 ? "of the snippets it names" : `of the snippets handling ${events.join(", ")}`;
    return { snippet: findSnippet(project, chosen[0]!.id), why: `${among}, only it has ${throwing.length > 0 ? `${errors.join(", ")} thrown` : "TypeScript"} there` };
  }
  throw new UsageError(`the log line could be from ${listed(chosen.length > 0 ? chosen : candidates)}: pass --snippet <id>`);
}

/** The TypeScript source lines at `places` in a snippet of the manifest. */
function sourceLines(project: Project, entry: ManifestSnippet, places: readonly SnippetPlace[]): string[] {
  const source = readSnippetSource(join(project.distDir, entry.file), project.root);
  if (!source) return [];
  return places.flatMap((place) => {
    const position = source.at(place);
    const line = position && sourceLineOf(project.root, position);
    return line === undefined ? [] : [line];
  });
}

function listed(entries: readonly ManifestSnippet[]): string {
  const ids = entries.map((entry) => entry.id);
  if (ids.length > MAX_LISTED) return `any of ${ids.length} snippets (${ids.slice(0, MAX_LISTED).join(", ")}, …)`;
  return ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(", ")} or ${ids.at(-1)}`;
}
