import type { SnippetSettings } from "../transforms/lib/settings";
import type { SnippetPlan } from "./plan";
import { jsLiteral } from "./js-literal";
import type { Project, SourceDir } from "./project";
import { shapeModuleKey, type ShapeName } from "./shapes";
import { moduleKey } from "./typescript-program";

/*
 * The modules the build writes itself, bundled beside the compiled ones: the
 * entry of each snippet, wiring its event mappings to their shapes, and the
 * settings that snippet runs with. Their ids start with "\0" (rollup's mark
 * for modules that are no file).
 */

/** Modules the build generated, by key; the bundler resolves these before compiled ones. */
export type GeneratedModules = ReadonlyMap<string, string>;

export interface GeneratedEntry {
  readonly key: string;
  readonly modules: GeneratedModules;
}

const PREFIX = "\0bdt:";

export function isGenerated(key: string): boolean {
  return key.startsWith(PREFIX);
}

/**
 * A module that exports what the build reads of a source: its reader's name
 * and event field, its `docs` when it has them, and every event mapping.
 */
export function sourceMetaEntry(project: Project, dir: SourceDir, hasDocs: boolean): GeneratedEntry {
  const imports = dir.events.map((module, index) => `import m${index} from ${absolute(moduleKey(project, module.file))};`);
  const envelope = absolute(moduleKey(project, dir.envelopeFile));
  const code = [
    `import source from ${envelope};`,
    hasDocs ? `import { docs } from ${envelope};` : "const docs = {};",
    ...imports,
    "export default {",
    "  source: { name: source.name, eventField: source.eventField },",
    "  docs,",
    `  mappings: [${dir.events.map((_module, index) => `m${index}`).join(", ")}],`,
    "};",
  ].join("\n");
  const key = `${PREFIX}meta/${dir.id}`;
  return { key, modules: new Map([[key, code]]) };
}

/**
 * A snippet's entry: the event mappings first (so they open the snippet, where
 * a reviewer looks), then the settings, then the code that runs them.
 */
export function snippetEntry(plan: SnippetPlan): GeneratedEntry {
  const names = importNames(plan.events.map((event) => event.event));
  const entryPoints = [...new Map(plan.events.map((event) => [event.entryPoint, event.shape] as const))].sort();
  const settingsKey = `${PREFIX}settings/${plan.id}`;
  const call = (index: number) => {
    const event = plan.events[index]!;
    return `${event.entryPoint}(source, ${JSON.stringify(event.event)}, ${names[index]}, settings)`;
  };
  const transform = plan.router
    ? ["router(source, {", ...plan.events.map((event, index) => `  ${JSON.stringify(event.event)}: ${call(index)},`), "})"].join("\n")
    : call(0);
  const code = [
    ...plan.events.map((event, index) => `import ${names[index]} from ${absolute(event.moduleKey)};`),
    `import settings from ${JSON.stringify(settingsKey)};`,
    `import source from ${absolute(plan.source.envelopeKey)};`,
    ...entryPoints.map(([entryPoint, shape]: [string, ShapeName]) => `import { ${entryPoint} } from ${absolute(shapeModuleKey(shape))};`),
    ...(plan.router ? [`import { router } from ${absolute("transforms/lib/router.js")};`] : []),
    "",
    `const transform = ${transform};`,
    "export default transform;",
  ].join("\n");
  const settingsCode = `export default ${jsLiteral(snippetSettings(plan))};\n`;
  const key = `${PREFIX}entry/${plan.id}`;
  return { key, modules: new Map([[key, code], [settingsKey, settingsCode]]) };
}

/** The settings one snippet inlines: identity, the source's subscription groups, and its events' own. */
function snippetSettings(plan: SnippetPlan): SnippetSettings {
  const events: Record<string, object> = {};
  for (const event of plan.events) events[event.event] = event.settings;
  return {
    identity: plan.source.identity,
    subscriptionGroups: plan.source.settings.subscriptionGroups || {},
    events: events as SnippetSettings["events"],
  };
}

function absolute(key: string): string {
  return JSON.stringify(`/${key}`);
}

/** JavaScript names for events, readable and distinct: "call.completed" → call_completed. */
function importNames(events: readonly string[]): string[] {
  const used = new Set<string>(["settings", "source", "router", "transform"]);
  return events.map((event) => {
    const base = event.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=\d)/, "_");
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}
