import type { Destination } from "../contract/schema";
import type { AnyMapping } from "../transforms/lib/mapping";
import type { ResolvedEventSettings, Settings } from "../transforms/lib/settings";
import type { Bundler } from "./bundle";
import { BuildError } from "./problems";
import { displayPath, type Project, type SourceDir } from "./project";
import { isShapeName, SHAPES, type EventContext, type MappingDescription, type ShapeName } from "./shapes";
import { checkSourceSettings, readSource, type SourceInfo } from "./source-info";
import { moduleKey, type EmittedModules } from "./module-keys";

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

/**
 * Checks every source's mappings and plans the snippets: one per event, and a
 * router per source and destination that more than one event writes to.
 */
export async function planSnippets(project: Project, sources: readonly SourceDir[], settings: Settings, bundle: Bundler, modules: EmittedModules): Promise<SnippetPlan[]> {
  checkSourceSettings(sources, settings);
  const plans: SnippetPlan[] = [];
  for (const dir of sources) {
    const { source, naming, mappings } = await readSource(project, dir, settings, bundle, modules);
    const events = dir.events.map((module, index) => planEvent(project, dir, source, module, mappings[index], naming));
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

/** "router" for /users/track, the busiest destination; "router.put-catalogs-items" and so on for the others. */
export function routerName(destination: Destination): string {
  if (destination === "POST /users/track") return "router";
  const [method, path] = destination.split(" ") as [string, string];
  const words = path.split("/").filter((part) => part !== "" && !part.startsWith("{"));
  return `router.${method.toLowerCase()}-${words.join("-")}`;
}

interface Naming {
  readonly acronyms: readonly string[];
  readonly prefix: string;
}

function planEvent(project: Project, dir: SourceDir, source: SourceInfo, module: SourceDir["events"][number], value: unknown, naming: Naming): EventPlan {
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
    defaultName: naming.prefix + titleCase(module.event, naming.acronyms),
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

/** "call.completed" → "Call Completed", "sms.sent" → "SMS Sent" (with "sms" among the source's acronyms). */
export function titleCase(event: string, acronyms: readonly string[]): string {
  return event
    .split(/[._-]/)
    .map((word) => (acronyms.indexOf(word) >= 0 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}
