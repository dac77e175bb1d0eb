import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Project } from "./project";

/** Files under dist/, by path relative to it. */
function listDist(project: Project): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.push(relative(project.distDir, path).split(sep).join("/"));
    }
  };
  visit(project.distDir);
  return files;
}

/** How dist/ differs from a fresh build: one line per file, empty when up to date. */
export function staleFiles(project: Project, built: ReadonlyMap<string, string>): string[] {
  const onDisk = new Set(listDist(project));
  const problems: string[] = [];
  for (const [file, content] of built) {
    if (!onDisk.has(file)) problems.push(`missing: dist/${file}`);
    else if (readFileSync(join(project.distDir, file), "utf8") !== content) problems.push(`stale: dist/${file}`);
  }
  for (const file of onDisk) {
    if (!built.has(file)) problems.push(`not built from any source: dist/${file}`);
  }
  return problems;
}

/**
 * Makes dist/ exactly the build: writes changed files, removes ones no source
 * produces. `lastWritten`, what this process made dist/ the previous time (watch
 * mode), is trusted instead of reading back every file: a save then costs the
 * files it changes, not all of dist/.
 */
export function writeDist(project: Project, built: ReadonlyMap<string, string>, lastWritten?: ReadonlyMap<string, string>): { written: string[]; removed: string[] } {
  const written: string[] = [];
  const removed: string[] = [];
  for (const file of lastWritten?.keys() ?? listDist(project)) {
    if (built.has(file)) continue;
    rmSync(join(project.distDir, file), { force: true });
    removed.push(file);
  }
  for (const [file, content] of built) {
    if (lastWritten?.get(file) === content) continue;
    const path = join(project.distDir, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(file);
  }
  return { written, removed };
}
