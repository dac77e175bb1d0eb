import { parseAst } from "rollup/parseAst";
import type { IdentitySettings, Settings, SourceSettings } from "../transforms/lib/settings";
import type { SourceDocs } from "../transforms/lib/source";
import { exportedNames } from "./ast";
import type { Bundler } from "./bundle";
import { evaluateModule } from "./evaluate";
import { keptPerProject } from "./kept-per-project";
import { splitDefaultExport } from "./function-body";
import { BuildError } from "./problems";
import { displayPath, type Project, type SourceDir } from "./project";
import { moduleKey, type EmittedModules } from "./module-keys";
import { sourceMetaEntry } from "./virtual-modules";

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

/**
 * Each source's last meta, by project root and source id, with the code of
 * every module its bundle read: a save in watch mode reads again only the
 * sources whose modules it changed (the meta bundle imports every event).
 */
const lastRead = keptPerProject<{ entry: string; read: ReadonlyMap<string, string | undefined>; meta: SourceMeta }>();

async function readSourceMeta(project: Project, dir: SourceDir, bundle: Bundler, modules: EmittedModules): Promise<SourceMeta> {
  const envelope = modules.get(moduleKey(project, dir.envelopeFile));
  const exports = envelope === undefined ? [] : exportedNames(parseAst(envelope) as never);
  const entry = sourceMetaEntry(project, dir, exports.includes("docs"));
  const entryCode = entry.modules.get(entry.key) ?? "";
  const last = lastRead.get(`${project.root}\0${dir.id}`);
  if (last !== undefined && last.entry === entryCode && [...last.read].every(([key, code]) => modules.get(key) === code)) return structuredClone(last.meta);
  const bundled = await bundle(entry.key, entry.modules);
  const module = splitDefaultExport(dir.id, bundled.code);
  let meta: SourceMeta;
  try {
    meta = { ...(evaluateModule(module, module.transformName) as Omit<SourceMeta, "exports">), exports };
  } catch (error) {
    throw new BuildError(`${dir.id}: evaluating its envelope reader and mappings failed: ${(error as Error).message}`);
  }
  lastRead.set(`${project.root}\0${dir.id}`, project.root, { entry: entryCode, read: new Map(bundled.modules.map((key) => [key, modules.get(key)])), meta: structuredClone(meta) });
  return meta;
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
