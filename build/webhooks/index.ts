import { BuildError } from "../problems";
import { displayPath, type Project } from "../project";
import { compileTemplate, type CompiledWebhook } from "./compile";
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
