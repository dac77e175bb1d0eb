import { keepParsed, resumeBundler, type Bundler } from "./bundle";
import { bundleSnippets } from "./bundle-snippets";
import { GATES, startChecks } from "./checks";
import { distFiles, placeholderWarnings } from "./dist-files";
import { planSnippets, type SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { discoverSources, displayPath, type Project } from "./project";
import { loadSettings } from "./settings";
import { buildSnippet, packageVersion, type BuiltSnippet, type SnippetContext } from "./snippet";
import { transpileTransforms } from "./typescript-program";
import { snippetEntry } from "./virtual-modules";
import { compileWebhooks, preloadWebhooks, type CompiledWebhook } from "./webhooks";
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

/**
 * Builds every snippet and webhook template, the manifest, the mapping tables
 * and the minified variants in memory; writes nothing. The static and type
 * checks run beside it (checks.ts); a step's own failure is reported only
 * once the checks that came before it in a build have passed, so a build
 * fails as it always has: static checks, sources, type check, snippets, the
 * templates' type check, the templates.
 */
export async function buildProject(project: Project, options: BuildOptions = {}): Promise<BuildOutput> {
  const checks = startChecks(project);
  preloadWebhooks(project);
  const after = async <T>(gate: number, step: () => Promise<T> | T): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      await checks.passed(gate);
      throw error;
    }
  };
  const sources = discoverSources(project);
  if (!sources.some((source) => source.events.length > 0)) {
    await checks.passed(GATES.static);
    throw new BuildError(`no transforms found in ${displayPath(project, project.transformsDir)}/<source>/`);
  }
  const { snippets, settings, context } = await after(GATES.types, async () => {
    const context = { project, packageVersion: packageVersion(project), minify: options.minify === true, syntax: allowedByEngine(readObservedEngine(project.root)).syntax };
    const modules = transpileTransforms(project);
    const bundle = resumeBundler(project, modules);
    const settings = await loadSettings(project, bundle);
    const plans = await planSnippets(project, sources, settings, bundle, modules);
    const snippets = await bundleSnippets(context, bundle, modules, plans, checks);
    keepParsed(project, bundle);
    return { snippets, settings, context };
  });
  const webhooks = await after(GATES.webhookTypes, () => compileWebhooks(project, settings.webhooks, context.packageVersion));
  await checks.passed(GATES.webhookTypes);
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
