import { parseAst } from "rollup/parseAst";
import type { IdentitySettings, Settings, SourceSettings } from "../transforms/lib/settings";
import type { SourceDocs } from "../transforms/lib/source";
import { exportedNames } from "./ast";
import type { BundledModule, Bundler } from "./bundle";
import { evaluateModule } from "./evaluate";
import { keptPerProject } from "./kept-per-project";
import { splitDefaultExport } from "./function-body";
import { BuildError } from "./problems";
import { displayPath, type Project, type SourceDir } from "./project";
import { moduleKey, type EmittedModules } from "./module-keys";
import { eventMappingEntry, sourceMetaEntry, type GeneratedEntry } from "./virtual-modules";

/** What the build knows of a source, read from its envelope reader. */
export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  readonly eventField: string;
  readonly connect?: string;
  readonly envelopeKey: string;
  /** Whether the reader exports `notWritten`, which the source's routers then carry. */
  readonly hasNotWritten: boolean;
  readonly identity: IdentitySettings;
  readonly settings: SourceSettings;
  /** The body to paste into the partner per event, as `docs.requestBody` gives it. */
  readonly requestBodies: ReadonlyMap<string, string>;
}

interface SourceMeta {
  readonly source: { name?: unknown; eventField?: unknown };
  readonly docs: SourceDocs;
  readonly mappings: readonly unknown[];
  readonly requestBodies: readonly unknown[];
  readonly exports: readonly string[];
}

/**
 * A source as the build knows it, read by evaluating its compiled envelope
 * reader and event mappings in an empty V8 context (as the snippets would
 * compute them): its name, its `docs`, its settings, and each event's mapping
 * in the order of `dir.events`.
 */
export async function readSource(project: Project, dir: SourceDir, settings: Settings, bundle: Bundler, modules: EmittedModules) {
  const meta = await readSourceMeta(project, dir, bundle, modules);
  const acronyms = Array.isArray(meta.docs.acronyms) ? meta.docs.acronyms.map(String) : [];
  const prefix = typeof meta.docs.eventNamePrefix === "string" && meta.docs.eventNamePrefix !== "" ? `${meta.docs.eventNamePrefix} ` : "";
  return { source: sourceInfo(project, dir, meta, settings), naming: { acronyms, prefix }, mappings: meta.mappings };
}

/** The compiled code of each module a meta was read from, and the compiled modules that import each. */
interface ModulesRead {
  readonly read: ReadonlyMap<string, string | undefined>;
  readonly importers: ReadonlyMap<string, readonly string[]>;
}

interface LastRead extends ModulesRead {
  readonly entry: string;
  readonly meta: SourceMeta;
}

/**
 * Each source's last meta, by project root and source id: a save in watch
 * mode reads again only the sources whose modules it changed, and of those
 * only the saved events' mappings when nothing else imports them (the meta
 * bundle imports every event, so reading it all again costs the whole source).
 */
const lastRead = keptPerProject<LastRead>();

async function readSourceMeta(project: Project, dir: SourceDir, bundle: Bundler, modules: EmittedModules): Promise<SourceMeta> {
  const envelope = modules.get(moduleKey(project, dir.envelopeFile));
  const exports = envelope === undefined ? [] : exportedNames(parseAst(envelope) as never);
  const entry = sourceMetaEntry(project, dir, exports.includes("docs"));
  const entryCode = entry.modules.get(entry.key) ?? "";
  const key = `${project.root}\0${dir.id}`;
  const last = lastRead.get(key);
  let read: (ModulesRead & { meta: SourceMeta }) | undefined;
  if (last?.entry === entryCode) {
    const changed = [...last.read].filter(([module, code]) => modules.get(module) !== code).map(([module]) => module);
    if (changed.length === 0) return structuredClone(last.meta);
    const saved = savedEvents(project, dir, last, changed);
    if (saved !== undefined) read = await readSavedEvents(project, dir, saved, last, bundle, modules);
  }
  read ??= await readWholeSource(dir, entry, bundle, modules, exports);
  lastRead.set(key, project.root, { entry: entryCode, ...read, meta: structuredClone(read.meta) });
  return read.meta;
}

async function readWholeSource(dir: SourceDir, entry: GeneratedEntry, bundle: Bundler, modules: EmittedModules, exports: readonly string[]) {
  const bundled = await bundle(entry.key, entry.modules);
  return { meta: { ...(evaluated(dir, bundled) as Omit<SourceMeta, "exports">), exports }, ...readFrom(bundled, modules, { read: new Map(), importers: new Map() }) };
}

/** The last meta with the saved events' mappings read again, each from a bundle of its own module. */
async function readSavedEvents(project: Project, dir: SourceDir, saved: readonly number[], last: LastRead, bundle: Bundler, modules: EmittedModules) {
  const mappings = [...last.meta.mappings];
  let read: ModulesRead = last;
  for (const index of saved) {
    const entry = eventMappingEntry(project, dir, index);
    const bundled = await bundle(entry.key, entry.modules);
    mappings[index] = evaluated(dir, bundled);
    read = readFrom(bundled, modules, read);
  }
  return { meta: { ...structuredClone(last.meta), mappings }, ...read };
}

/**
 * The indexes of the events whose modules are all that changed, when no
 * compiled module imports any of them (one event's module reused by another
 * would change that one's mapping too); undefined when the whole source must
 * be read again.
 */
function savedEvents(project: Project, dir: SourceDir, last: LastRead, changed: readonly string[]): number[] | undefined {
  const indexes = changed.map((key) => dir.events.findIndex((module) => moduleKey(project, module.file) === key));
  if (indexes.some((index, i) => index < 0 || (last.importers.get(changed[i]!) ?? []).length > 0)) return undefined;
  return indexes;
}

/** What was read before, with the compiled code of each module the bundle read (the meta never reads their source maps) and who imports each. */
function readFrom(bundled: BundledModule, modules: EmittedModules, before: ModulesRead): ModulesRead {
  const read = new Map(before.read);
  const importers = new Map(before.importers);
  for (const [key, imports] of bundled.imports) {
    read.set(key, modules.get(key));
    for (const imported of imports) importers.set(imported, [...new Set([...(importers.get(imported) ?? []), key])]);
  }
  return { read, importers };
}

function evaluated(dir: SourceDir, bundled: BundledModule): unknown {
  const module = splitDefaultExport(dir.id, bundled.code);
  try {
    return evaluateModule(module, module.transformName);
  } catch (error) {
    throw new BuildError(`${dir.id}: evaluating its envelope reader and mappings failed: ${(error as Error).message}`);
  }
}

function sourceInfo(project: Project, dir: SourceDir, meta: SourceMeta, settings: Settings): SourceInfo {
  const { name, eventField } = meta.source;
  const { connect } = meta.docs;
  if (typeof name !== "string" || name === "" || typeof eventField !== "string") {
    throw new BuildError(`${displayPath(project, dir.envelopeFile)}: the default export must be a Source ({ name, eventField, eventOf, read } satisfies Source)`);
  }
  const own = settings.sources[dir.id] || {};
  const identity = own.identity || settings.identity;
  if (identity.identifierOrder.indexOf("user_alias") >= 0 && !identity.aliasLabel) {
    throw new BuildError(`settings.sources.${dir.id}.identity: identifierOrder has user_alias, so it needs an aliasLabel (the alias label of ${name}'s user ids)`);
  }
  return {
    id: dir.id,
    name,
    eventField,
    connect: typeof connect === "string" ? connect : undefined,
    envelopeKey: moduleKey(project, dir.envelopeFile),
    hasNotWritten: meta.exports.includes("notWritten"),
    identity,
    settings: own,
    requestBodies: requestBodies(dir, meta.requestBodies),
  };
}

function requestBodies(dir: SourceDir, bodies: readonly unknown[]): Map<string, string> {
  const files = new Map<string, string>();
  dir.events.forEach(({ event }, index) => {
    const body = bodies[index];
    if (body !== undefined && body !== null) files.set(event, `${JSON.stringify(body, null, 2)}\n`);
  });
  return files;
}

/** Settings for a source or an event that does not exist are typos that would silently do nothing. */
export function checkSourceSettings(sources: readonly SourceDir[], settings: Settings): void {
  const problems: string[] = [];
  for (const [id, own] of Object.entries(settings.sources)) {
    const dir = sources.find((source) => source.id === id);
    if (!dir) {
      problems.push(`settings.sources.${id}: there is no transforms/${id}/ (sources: ${sources.map((s) => s.id).join(", ")})`);
      continue;
    }
    for (const event of Object.keys(own.events || {})) {
      if (!dir.events.some((module) => module.event === event)) problems.push(`settings.sources.${id}.events["${event}"]: there is no transforms/${id}/${event}.ts`);
    }
  }
  if (problems.length > 0) throw new BuildError("settings name what does not exist", problems);
}
