import { PLACEHOLDER_PREFIX, type Settings } from "../transforms/lib/settings";
import { evaluateModule } from "./evaluate";
import { splitDefaultExport } from "./function-body";
import type { Bundler } from "./bundle";
import type { Project } from "./project";
import { moduleKey } from "./typescript-program";

/** The workspace settings as the snippets see them (compiled from the chosen settings file). */
export async function loadSettings(project: Project, bundle: Bundler): Promise<Settings> {
  const module = splitDefaultExport("settings", (await bundle(moduleKey(project, project.settingsFile))).code);
  return evaluateModule(module, module.transformName) as Settings;
}

/**
 * The settings a snippet embeds: rollup keeps only the settings properties a
 * snippet reads, so a top-level key baked in appears in its code; of the
 * per-event settings, those of the events it handles that have any.
 */
export function settingsBakedIn(settings: Settings, events: readonly string[], code: string): Record<string, unknown> {
  const baked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (key === "events") {
      const own = events.filter((event) => settings.events[event] !== undefined);
      for (const event of own) baked[`events["${event}"]`] = settings.events[event];
      if (own.length < events.length) baked[own.length === 0 ? "events" : "other events"] = "documented defaults";
    } else if (new RegExp(`\\b${key}\\b`).test(code)) {
      baked[key] = value;
    }
  }
  return baked;
}

export interface Placeholder {
  readonly path: string;
  readonly value: string;
}

/** Every settings value still holding a "YOUR …" placeholder. */
export function findPlaceholders(value: unknown, path = "settings"): Placeholder[] {
  if (typeof value === "string") return value.startsWith(PLACEHOLDER_PREFIX) ? [{ path, value }] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    findPlaceholders(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`),
  );
}
