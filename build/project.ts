import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

/** Where a project's sources and outputs live; tests point this at a scratch copy. */
export interface Project {
  readonly root: string;
  readonly transformsDir: string;
  readonly distDir: string;
  readonly settingsFile: string;
}

export function projectAt(root: string, settingsFile?: string): Project {
  const transformsDir = join(root, "transforms");
  return {
    root,
    transformsDir,
    distDir: join(root, "dist"),
    settingsFile: settingsFile ? resolve(root, settingsFile) : join(transformsDir, "settings.ts"),
  };
}

/** A path as shown to people and written into outputs: relative, forward slashes. */
export function displayPath(project: Project, file: string): string {
  return relative(project.root, file).split(sep).join("/");
}

/** One transform module: `transforms/<source>/<name>.ts` builds `dist/<source>/<name>.js`. */
export interface Entry {
  readonly id: string;
  readonly source: string;
  readonly file: string;
}

const SHARED_DIRS = new Set(["lib"]);

export function discoverEntries(project: Project): Entry[] {
  const entries: Entry[] = [];
  for (const source of sortedNames(project.transformsDir)) {
    const dir = join(project.transformsDir, source);
    if (SHARED_DIRS.has(source) || !statSync(dir).isDirectory()) continue;
    for (const name of sortedNames(dir)) {
      if (!name.endsWith(".ts") || name.endsWith(".d.ts") || name.endsWith(".test.ts")) continue;
      entries.push({ id: `${source}/${name.slice(0, -3)}`, source, file: join(dir, name) });
    }
  }
  return entries;
}

function sortedNames(dir: string): string[] {
  return readdirSync(dir).sort();
}
