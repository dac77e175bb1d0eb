import { createBundler, entryKey } from "./bundle";
import { compileTransforms } from "./compile";
import { distFiles, placeholderWarnings } from "./dist-files";
import { BuildError } from "./problems";
import { discoverEntries, displayPath, type Project } from "./project";
import { loadSettings } from "./settings";
import { buildSnippet, packageVersion, type BuiltSnippet } from "./snippet";
import { formatFinding, runStaticChecks } from "./static-checks";

export type { BuiltSnippet };

export interface BuildOptions {
  readonly minify?: boolean;
  /** Placeholders in settings fail the build instead of warning. */
  readonly strict?: boolean;
}

export interface BuildOutput {
  readonly snippets: readonly BuiltSnippet[];
  /** Every file of dist/, by path relative to it. */
  readonly files: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** Builds every snippet, the manifest, the mapping tables and the minified variants in memory; writes nothing. */
export async function buildProject(project: Project, options: BuildOptions = {}): Promise<BuildOutput> {
  const findings = runStaticChecks(project);
  if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
  const entries = discoverEntries(project);
  if (entries.length === 0) throw new BuildError(`no transforms found in ${displayPath(project, project.transformsDir)}/<source>/`);
  const bundle = createBundler(project, compileTransforms(project));
  const settings = await loadSettings(project, bundle);
  const context = { project, settings, packageVersion: packageVersion(project), minify: options.minify === true };

  const snippets: BuiltSnippet[] = [];
  for (const entry of entries) snippets.push(await buildSnippet(context, entry, (await bundle(entryKey(entry))).code));
  const warnings = placeholderWarnings(project, settings, snippets);
  if (options.strict && warnings.length > 0) throw new BuildError("placeholders in settings (--strict)", warnings);
  return { snippets, files: distFiles(project, snippets, settings), warnings };
}
