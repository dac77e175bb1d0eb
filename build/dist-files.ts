import type { Settings } from "../transforms/lib/settings";
import { sha256 } from "./header";
import type { Manifest, ManifestSnippet, ManifestWebhook } from "./manifest";
import { mappingTable } from "./mapping-table";
import { displayPath, type Project } from "./project";
import { findPlaceholders } from "./settings";
import { mapFileOf, mapFileText } from "./source-maps/map-file";
import type { BuiltSnippet } from "./snippet";
import type { CompiledWebhook } from "./webhooks";
import { webhookDistFiles, webhookFile, webhookJson } from "./webhooks/dist-files";

/** Every file of dist/, by path relative to it: snippets and their source maps, webhook templates, the manifest, mapping tables, partner request bodies. */
export function distFiles(project: Project, snippets: readonly BuiltSnippet[], webhooks: readonly CompiledWebhook[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const snippet of snippets) {
    files.set(snippet.file, snippet.code).set(mapFileOf(snippet.file), memo(mapTexts, snippet.map, () => mapFileText(project, snippet.file, snippet.map)));
    if (snippet.minified === undefined) continue;
    const minified = `${snippet.id}.min.js`;
    const { map } = snippet.minified;
    files.set(minified, snippet.minified.code).set(mapFileOf(minified), memo(mapTexts, map, () => mapFileText(project, minified, map)));
  }
  files.set("manifest.json", manifest(snippets, webhooks));
  const sources = [...new Set(snippets.map((snippet) => snippet.meta.source))];
  for (const source of sources) {
    const ofSource = snippets.filter((snippet) => snippet.meta.source === source);
    const nested = sources.filter((other) => other.startsWith(`${source}/`));
    files.set(`${source}/README.md`, mappingTable(ofSource, displayPath(project, project.settingsFile), nested));
    for (const [event, body] of ofSource[0]!.plan.source.requestBodies) files.set(requestBodyFile(source, event), body);
  }
  for (const [file, content] of webhookDistFiles(webhooks)) files.set(file, content);
  return files;
}

/*
 * Built snippets never change: watch mode keeps the unchanged ones between
 * saves, and their map files and hashes with them, instead of writing out
 * every map (most of dist/'s bytes) again for each save.
 */
const mapTexts = new WeakMap<object, string>();
const codeHashes = new WeakMap<object, string>();

function memo(cache: WeakMap<object, string>, key: object, make: () => string): string {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  return made;
}

function manifest(snippets: readonly BuiltSnippet[], webhooks: readonly CompiledWebhook[]): string {
  const entries = snippets.map((snippet): ManifestSnippet => ({
    id: snippet.id,
    file: snippet.file,
    source: snippet.meta.source,
    events: snippet.meta.events,
    destination: snippet.meta.destination,
    sha256: memo(codeHashes, snippet, () => sha256(snippet.code)),
    bytes: Buffer.byteLength(snippet.code),
  }));
  const templates = webhooks.map((webhook): ManifestWebhook => {
    const json = webhookJson(webhook);
    return { id: webhook.id, file: webhookFile(webhook), partner: webhook.partner, request: webhook.request.id, sha256: sha256(json), bytes: Buffer.byteLength(json) };
  });
  const written: Manifest = { snippets: entries, webhooks: templates };
  return `${JSON.stringify(written, null, 2)}\n`;
}

/** A warning for each settings placeholder a snippet embeds, naming the snippets. */
export function placeholderWarnings(project: Project, settings: Settings, snippets: readonly BuiltSnippet[]): string[] {
  const settingsFile = displayPath(project, project.settingsFile);
  return findPlaceholders(settings).flatMap(({ path, value }) => {
    const users = snippets.filter((snippet) => snippet.code.includes(JSON.stringify(value))).map((snippet) => snippet.id);
    return users.length === 0
      ? []
      : [`${path} is still the placeholder ${JSON.stringify(value)}, baked into ${users.join(", ")}: set it in ${settingsFile}`];
  });
}

/** Where the body to paste into the partner for `event` is shipped. */
export function requestBodyFile(source: string, event: string): string {
  return `${source}/bodies/${event}.json`;
}
