import { BuildError } from "../problems";
import { displayPath, type Project } from "../project";
import { compileTemplate, preloadTemplate, type CompiledWebhook } from "./compile";
import { discoverTemplates } from "./discover";
import { GATES, startChecks } from "../checks";

export type { CompiledWebhook };

/**
 * Type-checks and compiles every template under webhooks/ with the
 * workspace's `webhooks.<partner>` settings. The check runs on the build's
 * checks thread (build/checks.ts), which keeps the program of the last.
 */
export async function buildWebhooks(project: Project, webhookSettings: Readonly<Record<string, unknown>> | undefined, packageVersion: string): Promise<CompiledWebhook[]> {
  await startChecks(project, GATES.webhookTypes).passed(GATES.webhookTypes);
  return compileWebhooks(project, webhookSettings, packageVersion);
}

/**
 * Starts importing every template, so that compiling them does not wait for
 * it: at the end of a build, importing them (and registering tsx for them,
 * from the CLI bundle) took 0.5 s, which now overlaps the bundling.
 */
export function preloadWebhooks(project: Project): void {
  for (const template of discoverTemplates(project)) preloadTemplate(template);
}

/** Compiles every template, for a caller that type-checks them itself (the full build does, beside it). */
export async function compileWebhooks(project: Project, webhookSettings: Readonly<Record<string, unknown>> | undefined, packageVersion: string): Promise<CompiledWebhook[]> {
  const compiled: CompiledWebhook[] = [];
  for (const template of discoverTemplates(project)) {
    const settings = webhookSettings?.[template.partner];
    if (settings === undefined) {
      throw new BuildError(`${template.id}: settings.webhooks.${template.partner} is missing in ${displayPath(project, project.settingsFile)}: every partner with templates needs its settings`);
    }
    compiled.push(await compileTemplate(project, template, settings, packageVersion));
  }
  return compiled;
}
