import type { Destination } from "../contract/schema";
import type { AnyMapping } from "../transforms/lib/mapping";
import type { IdentitySettings, ResolvedEventSettings, Settings, SourceSettings } from "../transforms/lib/settings";
import { parseAst } from "rollup/parseAst";
import type { SourceDocs } from "../transforms/lib/source";
import { exportedNames } from "./ast";
import type { Bundler } from "./bundle";
import { evaluateModule } from "./evaluate";
import { splitDefaultExport } from "./function-body";
import { BuildError } from "./problems";
import { displayPath, type Project, type SourceDir } from "./project";
import { isShapeName, SHAPES, type EventContext, type MappingDescription, type ShapeName } from "./shapes";
import { moduleKey, type EmittedModules } from "./typescript-program";
import { sourceMetaEntry } from "./virtual-modules";

/** What the build knows of a source, read from its envelope reader. */
export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  readonly eventField: string;
  readonly connect?: string;
  readonly envelopeKey: string;
  readonly identity: IdentitySettings;
  readonly settings: SourceSettings;
}

/** One event: its mapping as data, the settings its snippet runs with, and the words for the mapping table. */
export interface EventPlan {
  readonly event: string;
  readonly moduleKey: string;
  readonly sourceFile: string;
  readonly shape: ShapeName;
  /** The function of the shape's module that runs this mapping. */
  readonly entryPoint: string;
  readonly destination: Destination;
  readonly mapping: AnyMapping;
  readonly settings: Partial<ResolvedEventSettings>;
  readonly description: MappingDescription;
}

/** One snippet to bundle: an event's own, or a router over a source's events of one destination. */
export interface SnippetPlan {
  readonly id: string;
  readonly source: SourceInfo;
  readonly destination: Destination;
  readonly events: readonly EventPlan[];
  readonly router: boolean;
  /** Shown in the header: the file to edit. */
  readonly sourceFile: string;
}

interface SourceMeta {
  readonly source: { name?: unknown; eventField?: unknown };
  readonly docs: SourceDocs;
  readonly mappings: readonly unknown[];
}

/**
 * Reads every source's envelope reader and event mappings by evaluating their
 * compiled modules (in an empty V8 context, as the snippets would compute
 * them), checks them, and plans the snippets: one per event, and a router per
 * source and destination that more than one event writes to.
 */
export async function planSnippets(project: Project, sources: readonly SourceDir[], settings: Settings, bundle: Bundler, modules: EmittedModules): Promise<SnippetPlan[]> {
  checkSourceSettings(sources, settings);
  const plans: SnippetPlan[] = [];
  for (const dir of sources) {
    const meta = await readSourceMeta(project, dir, bundle, modules);
    const source = sourceInfo(project, dir, meta, settings);
    const acronyms = Array.isArray(meta.docs.acronyms) ? meta.docs.acronyms.map(String) : [];
    const events = dir.events.map((module, index) => planEvent(project, dir, source, module, meta.mappings[index], acronyms));
    for (const event of events) {
      plans.push({ id: `${dir.id}/${event.event}`, source, destination: event.destination, events: [event], router: false, sourceFile: event.sourceFile });
    }
    for (const destination of new Set(events.map((event) => event.destination))) {
      const routed = events.filter((event) => event.destination === destination);
      if (routed.length < 2) continue;
      const sourceFile = `${displayPath(project, dir.dir)}/ (generated from every event module)`;
      plans.push({ id: `${dir.id}/${routerName(destination)}`, source, destination, events: routed, router: true, sourceFile });
    }
  }
  return plans;
}

/** "router" for /users/track, the busiest destination; "router.put-catalog-items" and so on for the others. */
export function routerName(destination: Destination): string {
  if (destination === "POST /users/track") return "router";
  const [method, path] = destination.split(" ") as [string, string];
  const words = path.split("/").filter((part) => part !== "" && !part.startsWith("{"));
  return `router.${method.toLowerCase()}-${words.join("-")}`;
}

async function readSourceMeta(project: Project, dir: SourceDir, bundle: Bundler, modules: EmittedModules): Promise<SourceMeta> {
  const envelope = modules.get(moduleKey(project, dir.envelopeFile));
  const hasDocs = envelope !== undefined && exportedNames(parseAst(envelope) as never).includes("docs");
  const entry = sourceMetaEntry(project, dir, hasDocs);
  const module = splitDefaultExport(dir.id, (await bundle(entry.key, entry.modules)).code);
  try {
    return evaluateModule(module, module.transformName) as SourceMeta;
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
  return {
    id: dir.id,
    name,
    eventField,
    connect: typeof connect === "string" ? connect : undefined,
    envelopeKey: moduleKey(project, dir.envelopeFile),
    identity: own.identity || settings.identity,
    settings: own,
  };
}

function planEvent(project: Project, dir: SourceDir, source: SourceInfo, module: SourceDir["events"][number], value: unknown, acronyms: readonly string[]): EventPlan {
  const id = `${dir.id}/${module.event}`;
  const mapping = (typeof value === "object" && value !== null ? value : {}) as Partial<AnyMapping>;
  if (!isShapeName(mapping.shape)) {
    throw new BuildError(
      `${id}: the default export must be a mapping with a shape (one of ${Object.keys(SHAPES).join(", ")}), ` +
        `e.g. export default { shape: "customEvent", event: "${module.event}" } satisfies …`,
    );
  }
  if (mapping.event !== module.event) {
    throw new BuildError(`${id}: handles ${String(mapping.event)}, so its file must be named ${String(mapping.event)}.ts`);
  }
  const shape = SHAPES[mapping.shape] as (typeof SHAPES)[ShapeName];
  const context: EventContext = {
    id,
    sourceName: source.name,
    own: (source.settings.events || {})[module.event] || {},
    sourceSettings: source.settings,
    defaultName: titleCase(module.event, acronyms),
  };
  const full = mapping as never;
  const settings = shape.resolve(full, context);
  return {
    event: module.event,
    moduleKey: moduleKey(project, module.file),
    sourceFile: displayPath(project, module.file),
    shape: mapping.shape,
    entryPoint: shape.entryPoint ? shape.entryPoint(full) : mapping.shape,
    destination: shape.destination,
    mapping: mapping as AnyMapping,
    settings,
    description: shape.describe(full, settings, context),
  };
}

/** Settings for a source or an event that does not exist are typos that would silently do nothing. */
function checkSourceSettings(sources: readonly SourceDir[], settings: Settings): void {
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

/** "call.completed" → "Call Completed", "sms.sent" → "SMS Sent" (with "sms" among the source's acronyms). */
export function titleCase(event: string, acronyms: readonly string[]): string {
  return event
    .split(/[._-]/)
    .map((word) => (acronyms.indexOf(word) >= 0 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}
