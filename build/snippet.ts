import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Destination } from "../contract/schema";
import { functionBody, splitDefaultExport } from "./function-body";
import { withHeader, withShortHeader, type HeaderFacts } from "./header";
import { minifySnippet } from "./minify";
import type { SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { displayPath, type Project } from "./project";
import { inlinedSettings } from "./settings";
import { collapseEmptyObjects } from "./tidy";
import { snippetProblems } from "./verify-snippet";

/** What the manifest says of a snippet. */
export interface SnippetMeta {
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
}

export interface BuiltSnippet {
  readonly id: string;
  readonly file: string;
  readonly meta: SnippetMeta;
  readonly plan: SnippetPlan;
  readonly code: string;
  /** The `--min` variant, when asked for. */
  readonly minified?: string;
}

/** What every snippet of one build shares. */
export interface SnippetContext {
  readonly project: Project;
  readonly packageVersion: string;
  readonly minify: boolean;
}

/** One plan's bundled module made into the paste-ready snippet: checked and headed. */
export async function buildSnippet(context: SnippetContext, plan: SnippetPlan, moduleCode: string): Promise<BuiltSnippet> {
  const { project } = context;
  const module = splitDefaultExport(plan.id, moduleCode);
  const body = collapseEmptyObjects(functionBody(module));
  const problems = snippetProblems(body);
  if (problems.length > 0) throw new BuildError(`${plan.id}: the snippet would not run in Braze`, problems);
  const facts: HeaderFacts = {
    plan,
    settingsFile: displayPath(project, project.settingsFile),
    settings: inlinedSettings(module.definitions),
    packageVersion: context.packageVersion,
  };
  const minified = context.minify ? withShortHeader(facts, await minifySnippet(plan.id, body)) : undefined;
  const meta = { source: plan.source.id, events: plan.events.map((event) => event.event), destination: plan.destination };
  return { id: plan.id, file: `${plan.id}.js`, meta, plan, code: withHeader(facts, body), minified };
}

export function packageVersion(project: Project): string {
  const pkg = JSON.parse(readFileSync(join(project.root, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
