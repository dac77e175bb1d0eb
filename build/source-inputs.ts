import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OBSERVED_DIALECT_FILE } from "../liquid/dialect";
import { displayPath, type Project } from "./project";

/** Under contract/ but read by no build: how Braze's Liquid was probed to behave changes how a template renders, not what dist/ holds. */
const NOT_BUILT_FROM: readonly string[] = [OBSERVED_DIALECT_FILE];

/**
 * What dist/ is built from, file by file (path → sha256): transforms/,
 * webhooks/, contract/, the settings file and package.json.
 */
export function sourceInputs(project: Project): Record<string, string> {
  const files = [project.transformsDir, project.webhooksDir, join(project.root, "contract")].flatMap(filesUnder);
  files.push(project.settingsFile, join(project.root, "package.json"));
  const inputs: Record<string, string> = {};
  for (const file of [...new Set(files)].sort()) {
    const path = displayPath(project, file);
    if (!NOT_BUILT_FROM.includes(path) && existsSync(file)) inputs[path] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return inputs;
}

/**
 * The sources as they were when dist/ was last built or checked. Kept out of
 * dist/ (a comment changes nothing in Braze, so nothing in dist/) and out of
 * git: a clone has none until its first build or check.
 */
function stampFile(project: Project): string {
  return join(project.root, "node_modules", ".cache", "bdt", "dist-sources.json");
}

/** Records that dist/ is what the sources build (after a build, or a --check that passed). */
export function stampDist(project: Project): void {
  const file = stampFile(project);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(sourceInputs(project), null, 2)}\n`);
}

/**
 * One line naming the sources changed since dist/ was last built or checked,
 * or undefined when none did. A clone has no record yet: its dist/ is the
 * one committed with its sources (CI checks that), so only sources changed
 * since the commit, as git sees them, make it stale.
 */
export function staleDistProblem(project: Project): string | undefined {
  if (!existsSync(join(project.distDir, "manifest.json"))) return "dist/ is not built: run npm run build";
  const file = stampFile(project);
  const changed = existsSync(file) ? changedSince(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>, sourceInputs(project)) : uncommittedSources(project);
  if (changed.length === 0) return undefined;
  const more = changed.length > 3 ? ` and ${changed.length - 3} more` : "";
  return `dist/ is stale against ${changed.slice(0, 3).join(", ")}${more}: run npm run build`;
}

function changedSince(recorded: Record<string, string>, current: Record<string, string>): string[] {
  return [...new Set([...Object.keys(recorded), ...Object.keys(current)])].filter((path) => recorded[path] !== current[path]).sort();
}

/** Sources git sees changed, added or removed since the last commit; none outside a git work tree. */
function uncommittedSources(project: Project): string[] {
  const inputs = Object.keys(sourceInputs(project));
  try {
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "transforms", "webhooks", "contract", "package.json", displayPath(project, project.settingsFile)], {
      cwd: project.root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return status
      .split("\n")
      .filter((line) => line.length > 3)
      .map((line) => line.slice(3).split(" -> ").pop()!)
      .filter((path) => inputs.includes(path) || (!existsSync(join(project.root, path)) && !NOT_BUILT_FROM.includes(path)))
      .sort();
  } catch {
    return [];
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}
