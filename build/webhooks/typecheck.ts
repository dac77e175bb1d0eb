import { join } from "node:path";
import { ts } from "ts-morph";
import { BuildError } from "../problems";
import type { Project } from "../project";
import { cachingHost, formatDiagnostic, parseConfigFile } from "../typescript-program";

/** The last check per project: the next one reuses its parsed files (the lib files, zod's types), and its verdict when no file changed. */
const programs = new Map<string, { host: ts.CompilerHost; program: ts.Program; sources: string; errors: readonly string[] }>();

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
  const previous = programs.get(configFile);
  const host = previous?.host ?? cachingHost(options);
  const program = ts.createProgram(config.fileNames, options, host, previous?.program);
  // Same files, same texts: the same verdict, without checking again.
  const sources = program
    .getSourceFiles()
    .map((file) => `${file.fileName}@${(file as ts.SourceFile & { version?: string }).version ?? ""}`)
    .join("\n");
  const errors =
    previous?.sources === sources
      ? previous.errors
      : ts
          .getPreEmitDiagnostics(program)
          .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
          .map((diagnostic) => formatDiagnostic(project, { ...diagnostic, messageText: innermost(diagnostic.messageText) }));
  programs.set(configFile, { host, program, sources, errors });
  return errors;
}

/**
 * A template's mismatch is reported at its webhook() call, as a chain from the
 * whole definition down to the one field: the last two links say which field
 * and why, and are what the author needs.
 */
function innermost(message: string | ts.DiagnosticMessageChain): string {
  if (typeof message === "string") return message;
  const chain: ts.DiagnosticMessageChain[] = [message];
  for (let link = message.next?.[0]; link; link = link.next?.[0]) chain.push(link);
  return chain.slice(-2).map((link) => link.messageText).join(" ");
}
