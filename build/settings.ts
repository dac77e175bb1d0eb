import { createContext, runInContext, type Context } from "node:vm";
import { PLACEHOLDER_PREFIX, type Settings } from "../transforms/lib/settings";
import type { AstNode } from "./ast";
import { evaluateModule } from "./evaluate";
import { splitDefaultExport, type TransformModule } from "./function-body";
import type { Bundler } from "./bundle";
import type { Project } from "./project";
import { moduleKey } from "./module-keys";

/** The workspace settings as the snippets see them (compiled from the chosen settings file). */
export async function loadSettings(project: Project, bundle: Bundler): Promise<Settings> {
  const module = splitDefaultExport("settings", (await bundle(moduleKey(project, project.settingsFile))).code);
  return evaluateModule(module, module.transformName) as Settings;
}

/**
 * The settings a bundled snippet inlines, read back from its code: the
 * bundler keeps only the parts the snippet reads, so this is exactly what
 * ships (the generated settings module is the `settings` object).
 */
export function inlinedSettings(module: Pick<TransformModule, "definitions" | "statements">): Record<string, unknown> {
  for (const statement of module.statements) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations as AstNode[]) {
      const id = declarator.id as AstNode & { name?: string };
      const init = declarator.init as AstNode | null;
      if (init && init.type === "ObjectExpression" && /^settings(\$\d+)?$/.test(id.name ?? "")) {
        // An object literal of plain values: one context serves every snippet.
        literals ??= createContext({});
        return runInContext(`(${module.definitions.slice(init.start, init.end)})`, literals) as Record<string, unknown>;
      }
    }
  }
  return {};
}

let literals: Context | undefined;

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
