import { join } from "node:path";
import { ts } from "ts-morph";
import { BuildError } from "../problems";
import type { Project } from "../project";
import { keptPerProject } from "../kept-per-project";
import { cachingHost, forgetParsedFiles, formatDiagnostic, parseConfigFile } from "../typescript-program";

/** The last check per project: the next one re-checks only the files an edit can affect (TypeScript's builder, as in watch mode). */
const lastChecks = keptPerProject<{ host: ts.CompilerHost; builder: ts.SemanticDiagnosticsBuilderProgram }>(forgetParsedFiles);

/**
 * Type-checks webhooks/ as webhooks/tsconfig.json says (`tsc --noEmit -p
 * webhooks` checks the same): a template is typed by its partner's request
 * schema, so one that cannot produce a valid request fails here, before
 * anything is written.
 */
export function typeCheckWebhooks(project: Project): void {
  const errors = webhookTypeErrors(project);
  if (errors.length > 0) throw new BuildError(`webhook templates do not type-check (${errors.length})`, errors);
}

export function webhookTypeErrors(project: Project): readonly string[] {
  const configFile = join(project.webhooksDir, "tsconfig.json");
  const config = parseConfigFile(project, configFile);
  const options = { ...config.options, noEmit: true };
  const last = lastChecks.get(configFile);
  const host = last?.host ?? cachingHost(options);
  const builder = ts.createSemanticDiagnosticsBuilderProgram(config.fileNames, options, host, last?.builder);
  lastChecks.set(configFile, project.root, { host, builder });
  // What getPreEmitDiagnostics gathers, and in its order.
  const diagnostics = ts.sortAndDeduplicateDiagnostics([
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ]);
  return diagnostics
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => formatDiagnostic(project, { ...diagnostic, messageText: innermost(diagnostic.messageText) }));
}

/**
 * A template's mismatch is reported at its define() call, as a chain from the
 * whole definition down to the one field: the last two links say which field
 * and why, and are what the author needs.
 */
function innermost(message: string | ts.DiagnosticMessageChain): string {
  if (typeof message === "string") return message;
  const chain: ts.DiagnosticMessageChain[] = [message];
  for (let link = message.next?.[0]; link; link = link.next?.[0]) chain.push(link);
  return chain.slice(-2).map((link) => link.messageText).join(" ");
}
