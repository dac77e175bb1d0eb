import { createBundler, type Bundler } from "./bundle";
import { compileTransforms } from "./compile";
import { distFiles, placeholderWarnings } from "./dist-files";
import { planSnippets, type SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { discoverSources, displayPath, type Project } from "./project";
import { loadSettings } from "./settings";
import { buildSnippet, packageVersion, type BuiltSnippet, type SnippetContext } from "./snippet";
import { formatFinding, runStaticChecks } from "./static-checks";
import { snippetEntry } from "./virtual-modules";
import { buildWebhooks, type CompiledWebhook } from "./webhooks";
import { allowedByEngine, readObservedEngine } from "./observed-engine";

export type { BuiltSnippet };

export interface BuildOptions {
  readonly minify?: boolean;
  /** Placeholders in settings fail the build instead of warning. */
  readonly strict?: boolean;
}

export interface BuildOutput {
  readonly snippets: readonly BuiltSnippet[];
  readonly webhooks: readonly CompiledWebhook[];
  /** Every file of dist/, by path relative to it. */
  readonly files: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** Builds every snippet and webhook template, the manifest, the mapping tables and the minified variants in memory; writes nothing. */
export async function buildProject(project: Project, options: BuildOptions = {}): Promise<BuildOutput> {
  const findings = runStaticChecks(project);
  if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
  const sources = discoverSources(project);
  if (!sources.some((source) => source.events.length > 0)) {
    throw new BuildError(`no transforms found in ${displayPath(project, project.transformsDir)}/<source>/`);
  }
  const modules = compileTransforms(project);
  const bundle = createBundler(project, modules);
  const settings = await loadSettings(project, bundle);
  const plans = await planSnippets(project, sources, settings, bundle, modules);
  const context = { project, packageVersion: packageVersion(project), minify: options.minify === true, syntax: allowedByEngine(readObservedEngine(project.root)).syntax };

  const snippets: BuiltSnippet[] = [];
  for (const plan of plans) snippets.push((await bundleSnippet(context, bundle, plan)).snippet);
  const webhooks = await buildWebhooks(project, settings.webhooks, context.packageVersion);
  const warnings = placeholderWarnings(project, settings, snippets);
  if (options.strict && warnings.length > 0) throw new BuildError("placeholders in settings (--strict)", warnings);
  return { snippets, webhooks, files: distFiles(project, snippets, webhooks), warnings };
}

/** One planned snippet, bundled and made paste-ready; `modules` are the compiled modules it read. */
export async function bundleSnippet(context: SnippetContext, bundle: Bundler, plan: SnippetPlan): Promise<{ snippet: BuiltSnippet; modules: readonly string[] }> {
  const entry = snippetEntry(plan);
  const bundled = await bundle(entry.key, entry.modules);
  return { snippet: await buildSnippet(context, plan, bundled), modules: bundled.modules };
}
