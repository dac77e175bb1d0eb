import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { BuildError } from "../problems";
import type { Project } from "../project";
import { cachingHost, formatDiagnostic, parseConfigFile } from "../typescript-program";

/** The last check per project: the next one reuses its parsed files (the lib files, zod's types), and its verdict when no file changed. */
const programs = new Map<string, { host: ts.CompilerHost; program: ts.Program; sources: string; errors: readonly string[] }>();

/**
 * Type-checks webhooks/ with the project's compiler options: a template is
 * typed by its partner's request schema, so one that cannot produce a valid
 * request fails here, before anything is written.
 */
export function typeCheckWebhooks(project: Project): void {
  const files = typeScriptFiles(project.webhooksDir);
  if (files.length === 0) return;
  const configFile = join(project.root, "tsconfig.json");
  const options = { ...parseConfigFile(project, configFile).options, noEmit: true };
  const previous = programs.get(configFile);
  const host = previous?.host ?? cachingHost(options);
  const program = ts.createProgram(files, options, host, previous?.program);
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
  if (errors.length > 0) throw new BuildError(`webhook templates do not type-check (${errors.length})`, errors);
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

function typeScriptFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}
