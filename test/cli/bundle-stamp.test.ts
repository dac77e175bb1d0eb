import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { freshBundle, readSource, unchangedSince, writeBundle } from "../../build/cli-bundle/stamp.js";

/*
 * The bin runs the bundle only while every file it was built from is as it
 * was: an edit makes it stale even when it keeps the size and the mtime, a
 * touch alone does not.
 */
let root: string;
const SOURCE = "build/cli/main.ts";
const CHUNKS = [{ fileName: "main.mjs", code: "export const main = async () => 0;\n" }];

function bundle(bundledAt: number): void {
  const source = readSource(root, join(root, SOURCE));
  writeBundle(root, { chunks: CHUNKS, sources: new Map([[source.path, source.record]]), commands: ["run"], bundledAt });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bdt-stamp-"));
  mkdirSync(join(root, "build/cli"), { recursive: true });
  writeFileSync(join(root, SOURCE), "export const a = 1;\n");
  // Edited long before the bundling: its mtime and size can vouch for it.
  utimesSync(join(root, SOURCE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("fresh as built: the entry is in a folder of its own, and says which commands it serves", () => {
  bundle(Date.now());
  const fresh = freshBundle(root);
  expect(fresh?.commands).toEqual(["run"]);
  expect(readFileSync(fresh!.entry, "utf8")).toBe(CHUNKS[0]!.code);
});

test("stale once a source is edited, removed, or the checkout moved", () => {
  bundle(Date.now());
  writeFileSync(join(root, SOURCE), "export const a = 10;\n");
  expect(freshBundle(root)).toBeUndefined();
  rmSync(join(root, SOURCE));
  expect(freshBundle(root)).toBeUndefined();
  writeFileSync(join(root, SOURCE), "export const a = 1;\n");
  bundle(Date.now());
  const moved = `${root}-moved`;
  renameSync(root, moved);
  try {
    expect(freshBundle(moved)).toBeUndefined();
  } finally {
    renameSync(moved, root);
  }
});

test("an edit keeping size and mtime is caught when the file was edited near the bundling; a touch alone keeps it fresh", () => {
  writeFileSync(join(root, SOURCE), "export const a = 1;\n");
  bundle(Date.now());
  const { mtime } = statSync(join(root, SOURCE));
  writeFileSync(join(root, SOURCE), "export const a = 2;\n");
  utimesSync(join(root, SOURCE), mtime, mtime);
  expect(freshBundle(root)).toBeUndefined();

  writeFileSync(join(root, SOURCE), "export const a = 1;\n");
  bundle(Date.now());
  utimesSync(join(root, SOURCE), new Date(), new Date());
  expect(freshBundle(root)).toBeDefined();
});

test("a stamp that is not one is no bundle, never a crash", () => {
  bundle(Date.now());
  writeFileSync(join(root, "node_modules/.cache/bdt/cli/stamp.json"), "{ torn");
  expect(freshBundle(root)).toBeUndefined();
  writeFileSync(join(root, "node_modules/.cache/bdt/cli/stamp.json"), JSON.stringify({ root, commands: ["run"], dir: "x", bundledAt: 0, sources: { [SOURCE]: 5 } }));
  expect(freshBundle(root)).toBeUndefined();
  expect(unchangedSince(root, { [SOURCE]: [0, 0, ""] }, 0)).toBe(false);
});
