import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { WEBHOOK_FIXTURES } from "./fixtures";
import { BuildError } from "./problems";

/** Where a project's sources and outputs live; tests point this at a scratch copy. */
export interface Project {
  readonly root: string;
  readonly transformsDir: string;
  /** Outbound Braze webhook templates: `webhooks/<partner>/<template>.ts`. */
  readonly webhooksDir: string;
  readonly distDir: string;
  readonly settingsFile: string;
  /** Braze's documented limits, the one module outside transforms/ that snippets inline. */
  readonly limitsFile: string;
}

export function projectAt(root: string, settingsFile?: string): Project {
  const transformsDir = join(root, "transforms");
  return {
    root,
    transformsDir,
    webhooksDir: join(root, "webhooks"),
    distDir: join(root, "dist"),
    settingsFile: settingsFile ? resolve(root, settingsFile) : join(transformsDir, "settings.ts"),
    limitsFile: join(root, "contract", "limits.ts"),
  };
}

/** A path as shown to people and written into outputs: relative, forward slashes. */
export function displayPath(project: Project, file: string): string {
  return relative(project.root, file).split(sep).join("/");
}

/** One event module: `transforms/<source>/<event>.ts`. */
export interface EventModule {
  readonly event: string;
  readonly file: string;
}

/** A source folder: its envelope reader (`lib/envelope.ts`) and one module per event. */
export interface SourceDir {
  readonly id: string;
  readonly dir: string;
  readonly envelopeFile: string;
  readonly events: readonly EventModule[];
}

/** `transforms/lib/` is the shared core; `transforms/<source>/lib/` a source's envelope reader and plumbing. */
const LIB = "lib";

/**
 * Every source folder under transforms/, in name order. A source's own
 * subfolders (other than lib/) are sources too, for a partner that posts
 * more than one kind of webhook: `transforms/zendesk/triggers/` is the source
 * "zendesk/triggers". A folder without an envelope reader is an error.
 */
export function discoverSources(project: Project): SourceDir[] {
  const sources: SourceDir[] = [];
  const visit = (dir: string) => {
    for (const name of subfolders(dir)) {
      const sourceDir = join(dir, name);
      if (dir === project.transformsDir && name === WEBHOOK_FIXTURES) {
        throw new BuildError(`transforms/${name}/: "${name}" cannot be a source: test/fixtures/${name}/ holds the webhook templates' fixtures`);
      }
      const envelopeFile = join(sourceDir, LIB, "envelope.ts");
      if (!existsSync(envelopeFile)) {
        throw new BuildError(`${displayPath(project, sourceDir)}/ has no ${LIB}/envelope.ts: every source needs its envelope reader (see README, "Add a source")`);
      }
      const events = sortedNames(sourceDir)
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.endsWith(".test.ts"))
        .map((file) => ({ event: file.slice(0, -".ts".length), file: join(sourceDir, file) }));
      sources.push({ id: relative(project.transformsDir, sourceDir).split(sep).join("/"), dir: sourceDir, envelopeFile, events });
      visit(sourceDir);
    }
  };
  visit(project.transformsDir);
  return sources;
}

function subfolders(dir: string): string[] {
  return sortedNames(dir).filter((name) => name !== LIB && statSync(join(dir, name)).isDirectory());
}

/** Whether a path is a module of the transforms program that a snippet may run: transforms/, the settings, Braze's limits. */
export function isSnippetModule(project: Project, file: string): boolean {
  return file.startsWith(project.transformsDir + sep) || file === project.settingsFile || file === project.limitsFile;
}

function sortedNames(dir: string): string[] {
  return readdirSync(dir).sort();
}
