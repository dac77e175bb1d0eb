import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildProject, type BuildOptions } from "../../build/build";
import type { Project } from "../../build/project";
import { ROOT } from "./dist";

const CACHE = join(ROOT, "node_modules", ".cache", "bdt-tests", "builds");

/** What a build's output depends on besides the project: the build's own code and the packages it runs. */
const BUILD_CODE = ["build", "liquid", "package-lock.json"];

/**
 * The files a build of `project` writes to dist/, for tests that only read
 * them: built once per content (the project's files, the build's code, the
 * options) and kept under node_modules/.cache, so test files that need the
 * same variant of the scratch project share one build. A test that checks
 * the build itself (twice the same bytes, a failure) calls buildProject.
 */
export async function sharedBuild(project: Project, options: BuildOptions = {}): Promise<ReadonlyMap<string, string>> {
  const hash = createHash("sha256").update(JSON.stringify({ options, settings: relative(project.root, project.settingsFile) }));
  const add = (base: string, files: readonly string[]) => files.forEach((file) => hash.update(`${relative(base, file)}\0`).update(readFileSync(file)).update("\0"));
  add(project.root, filesUnder(project.root, (name) => name !== "dist" && name !== "node_modules"));
  for (const part of BUILD_CODE) add(ROOT, filesUnder(join(ROOT, part), (name) => name !== "node_modules"));
  const cached = join(CACHE, `${hash.digest("hex")}.json`);
  if (existsSync(cached)) return new Map(JSON.parse(readFileSync(cached, "utf8")) as [string, string][]);
  const { files } = await buildProject(project, options);
  mkdirSync(CACHE, { recursive: true });
  // Two workers may build the same variant at once: each writes its own file, then renames it into place.
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, JSON.stringify([...files]));
  renameSync(partial, cached);
  return files;
}

/** Every file under `path` (itself, if a file), skipping the entries `keep` refuses, in a stable order. */
function filesUnder(path: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => keep(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name), keep) : [join(path, entry.name)]));
}
