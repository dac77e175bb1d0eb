import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OBSERVED_DIALECT_FILE } from "../liquid/dialect";
import { readSource, recordHolds, unchangedByStat, type SourceRecord } from "./cli-bundle/stamp.js";
import { displayPath, type Project } from "./project";
import { readRecordFile } from "./record-file";

/** Under contract/ but read by no build: how Braze's Liquid was probed to behave changes how a template renders, not what dist/ holds. */
const NOT_BUILT_FROM: readonly string[] = [OBSERVED_DIALECT_FILE];

/**
 * What dist/ is built from, by path relative to the project root, sorted:
 * transforms/, webhooks/, contract/, the settings file and package.json.
 */
export function sourcePaths(project: Project): string[] {
  const files = [project.transformsDir, project.webhooksDir, join(project.root, "contract")].flatMap(filesUnder);
  files.push(project.settingsFile, join(project.root, "package.json"));
  return [...new Set(files)]
    .sort()
    .filter((file) => existsSync(file))
    .map((file) => displayPath(project, file))
    .filter((path) => !NOT_BUILT_FROM.includes(path));
}

/** Sources by path, each with its mtime, size and sha256, as they were at `recordedAt`. */
export interface RecordedSources {
  readonly recordedAt: number;
  readonly sources: Readonly<Record<string, SourceRecord>>;
}

/**
 * Each source's record as it is now: mtime, size and sha256. A file whose
 * mtime and size `previous` vouches for keeps its record unread: a save in
 * watch mode hashes the files it saved, not every source.
 */
export function sourceRecords(project: Project, previous?: RecordedSources): Record<string, SourceRecord> {
  const recordOf = (path: string) => {
    const kept = previous?.sources[path];
    return kept && unchangedByStat(project.root, path, kept, previous.recordedAt) ? kept : readSource(project.root, join(project.root, path)).record;
  };
  return Object.fromEntries(sourcePaths(project).map((path) => [path, recordOf(path)]));
}

/**
 * Where the stamp (the sources as they were when dist/ was last built or
 * checked) is kept: out of dist/ (a comment changes nothing in Braze,
 * so nothing in dist/) and out of git: a clone has none until its first
 * build or check.
 */
function stampFile(project: Project): string {
  return join(project.root, "node_modules", ".cache", "bdt", "dist-sources.json");
}

/** Records that dist/ is what the sources build (after a build, or a --check that passed); returns the records. */
export function stampDist(project: Project): RecordedSources {
  const file = stampFile(project);
  const stamp: RecordedSources = { recordedAt: Date.now(), sources: sourceRecords(project, readStamp(project)) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

/**
 * One line naming the sources changed since dist/ was last built or checked,
 * or undefined when none did. A clone has no record yet: its dist/ is the
 * one committed with its sources (CI checks that), so only sources changed
 * since the commit, as git sees them, make it stale.
 */
export function staleDistProblem(project: Project): string | undefined {
  if (!existsSync(join(project.distDir, "manifest.json"))) return "dist/ is not built: run npm run build";
  const stamp = readStamp(project);
  const changed = stamp === undefined ? uncommittedSources(project) : changedSince(project, stamp);
  if (changed.length === 0) return undefined;
  const more = changed.length > 3 ? ` and ${changed.length - 3} more` : "";
  return `dist/ is stale against ${changed.slice(0, 3).join(", ")}${more}: run npm run build`;
}

/** The stamp, when there is one of this shape: none yet, or an older bdt's, and git decides as for a clone. */
function readStamp(project: Project): RecordedSources | undefined {
  const stamp = readRecordFile<RecordedSources>(stampFile(project));
  return typeof stamp?.recordedAt === "number" && typeof stamp.sources === "object" && stamp.sources !== null ? (stamp as RecordedSources) : undefined;
}

/** Sources added, removed or changed since the stamp; a file's mtime and size decide alone when it was last edited well before it (stamp.js). */
function changedSince(project: Project, stamp: RecordedSources): string[] {
  const current = new Set(sourcePaths(project));
  const recorded = new Map(Object.entries(stamp.sources));
  return [...new Set([...recorded.keys(), ...current])]
    .filter((path) => {
      const record = recorded.get(path);
      return !current.has(path) || record === undefined || !recordHolds(project.root, path, record, stamp.recordedAt);
    })
    .sort();
}

/** Sources git sees changed, added or removed since the last commit; none outside a git work tree. */
function uncommittedSources(project: Project): string[] {
  const inputs = sourcePaths(project);
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
