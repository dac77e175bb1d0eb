import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildProject, type BuildOptions, type BuildOutput } from "../../build/build";
import type { Project } from "../../build/project";
import { ROOT } from "./dist";

const CACHE = join(ROOT, "node_modules", ".cache", "bdt-tests", "builds");

/** What a build's output depends on besides the project: the build's own code (the engines' syntax levels are the sandbox's) and the packages it runs. */
const BUILD_CODE = ["build", "liquid", "sandbox", "package-lock.json"];

/** What a shared build gives: its snippets, every file of dist/ and its warnings (the templates it compiled are in its files). */
export type SharedBuild = Pick<BuildOutput, "snippets" | "files" | "warnings">;

/**
 * What a build of `project` gives, for tests that only read it: built once
 * per content (the project's files, the build's code, the options) and kept
 * under node_modules/.cache, so test files that need the same variant of the
 * scratch project share one build, and a later run with nothing changed
 * builds nothing. A test that checks the build itself (twice the same bytes,
 * a failure) calls buildProject.
 */
export async function sharedBuild(project: Project, options: BuildOptions = {}): Promise<SharedBuild> {
  const hash = createHash("sha256").update(JSON.stringify({ options, settings: relative(project.root, project.settingsFile) }));
  const add = (base: string, files: readonly string[]) => files.forEach((file) => hash.update(`${relative(base, file)}\0`).update(readFileSync(file)).update("\0"));
  add(project.root, filesUnder(project.root, (name) => name !== "dist" && name !== "node_modules" && name !== ".git"));
  for (const part of BUILD_CODE) add(ROOT, filesUnder(join(ROOT, part), (name) => name !== "node_modules"));
  const cached = join(CACHE, `${hash.digest("hex")}.json`);
  if (existsSync(cached)) return parsed(readFileSync(cached, "utf8"));
  const { snippets, files, warnings } = await buildProject(project, options);
  const text = JSON.stringify({ snippets, files: [...files], warnings });
  mkdirSync(CACHE, { recursive: true });
  // Two workers may build the same variant at once: each writes its own file, then renames it into place.
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, cached);
  return parsed(text);
}

/** A build as the cache holds it: what a test reads is the same whether or not this run built it. */
function parsed(text: string): SharedBuild {
  const { snippets, files, warnings } = JSON.parse(text) as Omit<SharedBuild, "files"> & { files: [string, string][] };
  return { snippets, files: new Map(files), warnings };
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
