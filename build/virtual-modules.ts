import type { SnippetSettings } from "../transforms/lib/settings";
import type { SnippetPlan } from "./plan";
import { jsLiteral } from "./js-literal";
import type { Project, SourceDir } from "./project";
import { shapeModuleKey, type ShapeName } from "./shapes";
import { moduleKey } from "./module-keys";

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
 * and event field, its `docs` when it has them, every event mapping, and the
 * request body its docs give for each event.
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
    `  requestBodies: typeof docs.requestBody === "function" ? ${JSON.stringify(dir.events.map((module) => module.event))}.map((event) => docs.requestBody(event)) : [],`,
    "};",
  ].join("\n");
  const key = `${PREFIX}meta/${dir.id}`;
  return { key, modules: new Map([[key, code]]) };
}

/** A module that exports one event's mapping: how a save in watch mode reads again just that event's. */
export function eventMappingEntry(project: Project, dir: SourceDir, index: number): GeneratedEntry {
  const module = dir.events[index]!;
  const key = `${PREFIX}mapping/${dir.id}/${module.event}`;
  return { key, modules: new Map([[key, `export { default } from ${absolute(moduleKey(project, module.file))};`]]) };
}

/**
 * A snippet's entry: the event mappings first (so they open the snippet, where
 * a reviewer looks), then the settings, then the code that runs them.
 */
export function snippetEntry(plan: SnippetPlan): GeneratedEntry {
  const written = plan.events.filter((event) => event.settings.enabled !== false);
  const names = importNames(plan.events.map((event) => event.event));
  const entryPoints = [...new Map(written.map((event) => [event.entryPoint, event.shape] as const))].sort();
  const settingsKey = `${PREFIX}settings/${plan.id}`;
  const call = (index: number) => {
    const event = plan.events[index]!;
    if (event.settings.enabled === false) {
      const setting = `settings.sources${jsPath(plan.source.id)}.events${jsPath(event.event)}.enabled`;
      return `disabledEvent(source, ${JSON.stringify(event.event)}, ${JSON.stringify(setting)})`;
    }
    return `${event.entryPoint}(source, ${JSON.stringify(event.event)}, ${names[index]}, settings)`;
  };
  const notWritten = plan.router && plan.source.hasNotWritten;
  const routed = plan.router
    ? ["router(source, {", ...plan.events.map((event, index) => `  ${JSON.stringify(event.event)}: ${call(index)},`), `}${notWritten ? ", notWritten" : ""})`].join("\n")
    : call(0);
  const header = plan.source.settings.requiredHeader;
  const lib = (module: string, name: string) => `import { ${name} } from ${absolute(`transforms/lib/${module}.js`)};`;
  const code = [
    ...plan.events.flatMap((event, index) => (event.settings.enabled === false ? [] : [`import ${names[index]} from ${absolute(event.moduleKey)};`])),
    `import settings from ${JSON.stringify(settingsKey)};`,
    `import source${notWritten ? ", { notWritten }" : ""} from ${absolute(plan.source.envelopeKey)};`,
    ...entryPoints.map(([entryPoint, shape]: [string, ShapeName]) => `import { ${entryPoint} } from ${absolute(shapeModuleKey(shape))};`),
    ...(plan.router ? [lib("router", "router")] : []),
    ...(written.length < plan.events.length ? [lib("disabled-event", "disabledEvent")] : []),
    ...(header ? [lib("required-header", "requireHeader")] : []),
    "",
    `const transform = ${header ? `requireHeader(source, settings.requiredHeader, ${routed})` : routed};`,
    "export default transform;",
  ].join("\n");
  const settingsCode = `export default ${jsLiteral(snippetSettings(plan, written))};\n`;
  const key = `${PREFIX}entry/${plan.id}`;
  return { key, modules: new Map([[key, code], [settingsKey, settingsCode]]) };
}

/** The settings one snippet inlines: identity, the required header, the source's subscription groups, and its written events' own. */
function snippetSettings(plan: SnippetPlan, written: readonly SnippetPlan["events"][number][]): SnippetSettings {
  const events: Record<string, object> = {};
  for (const event of written) events[event.event] = event.settings;
  const { requiredHeader, subscriptionGroups } = plan.source.settings;
  return {
    identity: plan.source.identity,
    ...(requiredHeader ? { requiredHeader } : {}),
    subscriptionGroups: subscriptionGroups || {},
    events: events as SnippetSettings["events"],
  };
}

/** `.regal` or `["zendesk/triggers"]`, as the key is written in the settings file. */
function jsPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function absolute(key: string): string {
  return JSON.stringify(`/${key}`);
}

/** JavaScript names for events, readable and distinct: "call.completed" → call_completed. */
function importNames(events: readonly string[]): string[] {
  const used = new Set<string>(["settings", "source", "router", "transform", "notWritten"]);
  return events.map((event) => {
    const base = event.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=\d)/, "_");
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}
