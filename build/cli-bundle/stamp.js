/*
 * The precompiled CLI and the record of what it was built from (and the
 * same records of files for what else the bundled CLI must not recompute).
 * Plain JavaScript: build/bin/bdt.js reads it before any TypeScript loader
 * exists.
 *
 * node_modules/.cache/bdt/cli/
 *   stamp.json        the checkout, which commands it serves, its folder, and each source's mtime, size and sha256
 *   <content hash>/   main.mjs, checks-worker.mjs and their chunks (.mjs: nothing under node_modules says "type": "module")
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** How far back from the recording an mtime must be to be trusted alone: an edit within one tick of the read can keep the mtime it was read with. */
const RACY_MS = 2000;

const bundleDir = (root) => join(root, "node_modules", ".cache", "bdt", "cli");
const stampFile = (root) => join(bundleDir(root), "stamp.json");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * The bundle's entries (the CLI's and the build's checks thread's) and the
 * commands it serves, when every file it was built from is as it was then;
 * undefined when there is no bundle or any source changed, moved or went
 * away.
 */
export function freshBundle(checkout) {
  const root = resolve(checkout);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(root), "utf8"));
  } catch {
    return undefined;
  }
  // Paths inside the bundle (import.meta.url) are absolute: a moved checkout needs a new one.
  if (stamp?.root !== root || !Array.isArray(stamp.commands) || typeof stamp.dir !== "string") return undefined;
  if (!unchangedSince(root, stamp.sources, stamp.bundledAt)) return undefined;
  return { entry: join(bundleDir(root), stamp.dir, "main.mjs"), checksWorker: join(bundleDir(root), stamp.dir, "checks-worker.mjs"), commands: stamp.commands };
}

/**
 * Whether every recorded file (path relative to `root` → record) is as it
 * was when recorded at `recordedAt`. The mtime and size decide alone for
 * files last edited well before then; any other is read and hashed.
 */
export function unchangedSince(root, records, recordedAt) {
  if (typeof records !== "object" || records === null) return false;
  return Object.entries(records).every(([path, record]) => recordHolds(root, path, record, recordedAt));
}

/** Whether the file at `path` (relative to `root`) is as its record says: by mtime and size when it was last edited well before `recordedAt`, else by its sha256. */
export function recordHolds(root, path, record, recordedAt) {
  if (!Array.isArray(record)) return false;
  const file = join(root, path);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.size !== record[1]) return false;
  return statVouches(stat, record, recordedAt) || sha256(readFileSync(file)) === record[2];
}

/** Whether the file's mtime and size alone say it is as its record: both unchanged, and last edited well before `recordedAt`. */
export function unchangedByStat(root, path, record, recordedAt) {
  if (!Array.isArray(record)) return false;
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  return stat?.size === record[1] && statVouches(stat, record, recordedAt);
}

function statVouches(stat, [mtimeMs], recordedAt) {
  return stat.mtimeMs === mtimeMs && mtimeMs < recordedAt - RACY_MS;
}

/** A file's text, and its record taken before reading it (so an edit while it is used makes it changed, never unchanged). */
export function readSource(root, file) {
  const { mtimeMs, size } = statSync(file);
  const bytes = readFileSync(file);
  return { text: bytes.toString("utf8"), path: relative(root, file).split(sep).join("/"), record: [mtimeMs, size, sha256(bytes)] };
}

/**
 * Writes a new bundle beside the old one (into a folder named for its
 * content, renamed into place whole), then the stamp (a rename too: a bdt
 * starting meanwhile reads one stamp or the other), then removes the old
 * bundle.
 */
export function writeBundle(checkout, { chunks, sources, commands, bundledAt }) {
  const root = resolve(checkout);
  const dir = sha256(chunks.map((chunk) => `${chunk.fileName}\n${chunk.code}`).join("\0")).slice(0, 16);
  const temporary = (name) => join(bundleDir(root), `${name}.${process.pid}.tmp`);
  if (!existsSync(join(bundleDir(root), dir))) {
    for (const chunk of chunks) {
      mkdirSync(dirname(join(temporary(dir), chunk.fileName)), { recursive: true });
      writeFileSync(join(temporary(dir), chunk.fileName), chunk.code);
    }
    renameSync(temporary(dir), join(bundleDir(root), dir));
  }
  writeFileSync(temporary("stamp.json"), `${JSON.stringify({ root, commands, dir, bundledAt, sources: Object.fromEntries([...sources].sort(([a], [b]) => (a < b ? -1 : 1))) }, null, 2)}\n`);
  renameSync(temporary("stamp.json"), stampFile(root));
  for (const name of readdirSync(bundleDir(root))) {
    if (name !== dir && name !== "stamp.json" && !name.endsWith(".tmp")) rmSync(join(bundleDir(root), name), { recursive: true, force: true });
  }
}
