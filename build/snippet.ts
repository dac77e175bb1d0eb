import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Settings } from "../transforms/lib/settings";
import { functionBody, splitDefaultExport } from "./function-body";
import { withHeader, withShortHeader, type HeaderFacts } from "./header";
import { readMeta, type SnippetMeta } from "./metadata";
import { minifySnippet } from "./minify";
import { BuildError } from "./problems";
import { displayPath, type Entry, type Project } from "./project";
import { settingsBakedIn } from "./settings";
import { snippetProblems } from "./verify-snippet";

export interface BuiltSnippet {
  readonly id: string;
  readonly file: string;
  readonly meta: SnippetMeta;
  readonly code: string;
  /** The `--min` variant, when asked for. */
  readonly minified?: string;
}

/** What every snippet of one build shares. */
export interface SnippetContext {
  readonly project: Project;
  readonly settings: Settings;
  readonly packageVersion: string;
  readonly minify: boolean;
}

/** One entry's bundled module made into the paste-ready snippet: checked, described, headed. */
export async function buildSnippet(context: SnippetContext, entry: Entry, moduleCode: string): Promise<BuiltSnippet> {
  const { project } = context;
  const module = splitDefaultExport(entry.id, moduleCode);
  const meta = readMeta(entry, module);
  const body = functionBody(module);
  const problems = snippetProblems(body);
  if (problems.length > 0) throw new BuildError(`${entry.id}: the snippet would not run in Braze`, problems);
  const facts: HeaderFacts = {
    id: entry.id,
    sourceFile: displayPath(project, entry.file),
    settingsFile: displayPath(project, project.settingsFile),
    settings: settingsBakedIn(context.settings, meta.events, module.definitions),
    packageVersion: context.packageVersion,
    meta,
  };
  const minified = context.minify ? withShortHeader(facts, await minifySnippet(entry.id, body)) : undefined;
  return { id: entry.id, file: `${entry.id}.js`, meta, code: withHeader(facts, body), minified };
}

export function packageVersion(project: Project): string {
  const pkg = JSON.parse(readFileSync(join(project.root, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
