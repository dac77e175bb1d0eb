import { readFileSync } from "node:fs";
import { join } from "node:path";
import MagicString from "magic-string";
import type { Destination } from "../contract/schema";
import type { BundledModule } from "./bundle";
import type { SyntaxLevel } from "../sandbox/engines";
import { functionBody, splitDefaultExport } from "./function-body";
import { withHeader, withShortHeader, type HeaderFacts } from "./header";
import { minifyMapped } from "./minify";
import type { SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { displayPath, type Project } from "./project";
import { inlinedSettings } from "./settings";
import { belowPrefix, mapThroughEdits, type SnippetMap } from "./source-maps/snippet-map";
import { collapseEmptyObjects } from "./tidy";
import { lineOf, syntaxProblems } from "./verify-snippet";

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
  /** From `code` (header included) to the TypeScript sources. */
  readonly map: SnippetMap;
  /** The `--min` variant, when asked for, and its map. */
  readonly minified?: { readonly code: string; readonly map: SnippetMap };
}

/** What every snippet of one build shares. */
export interface SnippetContext {
  readonly project: Project;
  readonly packageVersion: string;
  readonly minify: boolean;
  /** The newest syntax the recorded engine allows in a snippet. */
  readonly syntax: SyntaxLevel;
}

/** One plan's bundled module made into the paste-ready snippet: checked and headed, with its source map. */
export async function buildSnippet(context: SnippetContext, plan: SnippetPlan, bundled: BundledModule): Promise<BuiltSnippet> {
  const { project } = context;
  const module = splitDefaultExport(plan.id, bundled.code);
  const edited = new MagicString(functionBody(module));
  collapseEmptyObjects(edited, module.statements);
  const body = edited.toString();
  const bodyMap = mapThroughEdits(edited, bundled.map);
  // The body ends with the one return it is given; its lines are those after the edits.
  const problems = syntaxProblems(module.statements, context.syntax, (offset) => {
    const before = edited.slice(0, offset);
    return lineOf(before, before.length);
  });
  if (problems.length > 0) throw new BuildError(`${plan.id}: the snippet would not run in Braze`, problems);
  const facts: HeaderFacts = {
    plan,
    settingsFile: displayPath(project, project.settingsFile),
    settings: inlinedSettings(module),
    packageVersion: context.packageVersion,
  };
  const minified = context.minify ? headed(await minifyMapped(plan.id, body, bodyMap), (code) => withShortHeader(facts, code)) : undefined;
  const meta = { source: plan.source.id, events: plan.events.map((event) => event.event), destination: plan.destination };
  return { id: plan.id, file: `${plan.id}.js`, meta, plan, ...headed({ code: body, map: bodyMap }, (code) => withHeader(facts, code)), minified };
}

/** Code with its header put before it, and its map moved down below the header. */
function headed(body: { code: string; map: SnippetMap }, withHeaderOf: (code: string) => string): { code: string; map: SnippetMap } {
  const code = withHeaderOf(body.code);
  return { code, map: belowPrefix(body.map, code.slice(0, code.length - body.code.length)) };
}

export function packageVersion(project: Project): string {
  const pkg = JSON.parse(readFileSync(join(project.root, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}
