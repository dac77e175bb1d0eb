import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createBundler } from "./bundle";
import { compileTransforms } from "./compile";
import { functionBody, splitDefaultExport } from "./function-body";
import { sha256, withHeader, withShortHeader, type HeaderFacts } from "./header";
import { readMeta, type SnippetMeta } from "./metadata";
import { mappingTable } from "./mapping-table";
import { minifySnippet } from "./minify";
import { BuildError } from "./problems";
import { discoverEntries, displayPath, type Project } from "./project";
import { findPlaceholders, loadSettings, settingsBakedIn } from "./settings";
import { formatFinding, runStaticChecks } from "./static-checks";
import { snippetProblems } from "./verify-snippet";

export interface BuildOptions {
  readonly minify?: boolean;
  /** Placeholders in settings fail the build instead of warning. */
  readonly strict?: boolean;
}

export interface BuiltSnippet {
  readonly id: string;
  readonly file: string;
  readonly meta: SnippetMeta;
  readonly code: string;
}

export interface BuildOutput {
  readonly snippets: readonly BuiltSnippet[];
  /** Every file of dist/, by path relative to it. */
  readonly files: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** Builds every snippet, the manifest and the minified variants in memory; writes nothing. */
export async function buildProject(project: Project, options: BuildOptions = {}): Promise<BuildOutput> {
  const findings = runStaticChecks(project);
  if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
  const entries = discoverEntries(project);
  if (entries.length === 0) throw new BuildError(`no transforms found in ${displayPath(project, project.transformsDir)}/<source>/`);
  const bundle = createBundler(await compileTransforms(project, entries));
  const settings = await loadSettings(bundle);
  const version = packageVersion(project);

  const snippets: BuiltSnippet[] = [];
  const files = new Map<string, string>();
  for (const entry of entries) {
    const module = splitDefaultExport(entry.id, (await bundle(entry.id)).code);
    const meta = readMeta(entry, module);
    const body = functionBody(module);
    const problems = snippetProblems(body);
    if (problems.length > 0) throw new BuildError(`${entry.id}: the snippet would not run in Braze`, problems);
    const facts: HeaderFacts = {
      id: entry.id,
      sourceFile: displayPath(project, entry.file),
      settingsFile: displayPath(project, project.settingsFile),
      settings: settingsBakedIn(settings, meta.events, module.definitions),
      packageVersion: version,
      meta,
    };
    const snippet = { id: entry.id, file: `${entry.id}.js`, meta, code: withHeader(facts, body) };
    snippets.push(snippet);
    files.set(snippet.file, snippet.code);
    if (options.minify) files.set(`${entry.id}.min.js`, withShortHeader(facts, await minifySnippet(entry.id, body)));
  }
  files.set("manifest.json", manifest(snippets));
  for (const source of new Set(snippets.map((snippet) => snippet.meta.source))) {
    const ofSource = snippets.filter((snippet) => snippet.meta.source === source);
    files.set(`${source}/README.md`, mappingTable(source, ofSource, settings, displayPath(project, project.settingsFile)));
  }

  const warnings = placeholderWarnings(project, settings, snippets);
  if (options.strict && warnings.length > 0) throw new BuildError("placeholders in settings (--strict)", warnings);
  return { snippets, files, warnings };
}

function manifest(snippets: readonly BuiltSnippet[]): string {
  const entries = snippets.map((snippet) => ({
    id: snippet.id,
    file: snippet.file,
    source: snippet.meta.source,
    events: snippet.meta.events,
    destination: snippet.meta.destination,
    sha256: sha256(snippet.code),
    bytes: Buffer.byteLength(snippet.code),
  }));
  return `${JSON.stringify({ snippets: entries }, null, 2)}\n`;
}

function placeholderWarnings(project: Project, settings: unknown, snippets: readonly BuiltSnippet[]): string[] {
  const settingsFile = displayPath(project, project.settingsFile);
  return findPlaceholders(settings).flatMap(({ path, value }) => {
    const users = snippets.filter((snippet) => snippet.code.includes(JSON.stringify(value))).map((snippet) => snippet.id);
    return users.length === 0
      ? []
      : [`${path} is still the placeholder ${JSON.stringify(value)}, baked into ${users.join(", ")}: set it in ${settingsFile}`];
  });
}

function packageVersion(project: Project): string {
  const pkg = JSON.parse(readFileSync(join(project.root, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

