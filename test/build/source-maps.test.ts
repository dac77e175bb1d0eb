import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { decode } from "@jridgewell/sourcemap-codec";
import { expect, test } from "vitest";
import { readSnippetSource } from "../../build/source-position";
import { describeFailure } from "../support/describe-failure";
import { DIST, readManifest, readSnippet, ROOT, snippetForEvent } from "../support/dist";
import { runBuilt } from "../support/run-built";
import { runInV8 } from "../support/v8";

/*
 * The committed dist/: each snippet's map lies beside it and leads its code
 * back to the TypeScript it came from, and the errors the test helpers
 * report name that TypeScript.
 */
const manifest = readManifest();

test.each(manifest.map((snippet) => [snippet.id, snippet] as const))("%s: a v3 map beside it, every segment within the snippet and its sources", (_id, snippet) => {
  const code = readSnippet(snippet);
  expect(code).not.toContain("sourceMappingURL");
  const mapFile = join(DIST, `${snippet.file}.map`);
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { version: number; file: string; sources: string[]; names: string[]; mappings: string };
  expect(Object.keys(map).sort()).toEqual(["file", "mappings", "names", "sources", "version"]);
  expect([map.version, map.file]).toEqual([3, basename(snippet.file)]);
  const sources = map.sources.map((source) => resolve(dirname(mapFile), source));
  expect(sources.map((source) => relative(ROOT, source)).filter((source) => !/^(transforms|contract)\/.*\.ts$/.test(source))).toEqual([]);
  const sourceLines = sources.map((source) => readFileSync(source, "utf8").split("\n"));
  const lines = code.split("\n");
  const outside: string[] = [];
  decode(map.mappings).forEach((segments, line) => {
    for (const [column, source, sourceLine, sourceColumn, name] of segments) {
      const inSnippet = line < lines.length && column < lines[line]!.length;
      const text = source === undefined ? undefined : sourceLines[source]![sourceLine!];
      const inSource = text !== undefined && sourceColumn! <= text.length && (name === undefined || name < map.names.length);
      if (!inSnippet || !inSource) outside.push(`${line + 1}:${column + 1}`);
    }
  });
  expect(outside).toEqual([]);
});

test.each(manifest.map((snippet) => [snippet.id, snippet] as const))("%s: each throw leads to a throw of the same Error in TypeScript, at its `throw`", (_id, snippet) => {
  const source = readSnippetSource(join(DIST, snippet.file), ROOT)!;
  const misplaced: string[] = [];
  readSnippet(snippet).split("\n").forEach((text, index) => {
    for (const match of text.matchAll(/throw new ([\w$]+?)(?:\$\d+)?\(/g)) {
      const position = source.at({ line: index + 1, column: match.index + 1 });
      const tsLine = position && readFileSync(join(ROOT, position.file), "utf8").split("\n")[position.line - 1]!;
      const expected = tsLine?.indexOf(`throw new ${match[1]}(`);
      if (expected === undefined || expected < 0 || position!.column !== expected + 1) misplaced.push(`line ${index + 1}: ${match[0]} -> ${position && `${position.file}:${position.line}:${position.column}`}`);
    }
  });
  expect(misplaced).toEqual([]);
});

/** The line, and the function declared before it, of `text` in a TypeScript file of the repo. */
function tsSite(file: string, text: string): { line: number; function: string } {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  const declared = lines.slice(0, index).reverse().map((line) => /^export function (\w+)/.exec(line)).find(Boolean);
  return { line: index + 1, function: declared![1]! };
}

const IDENTITY = "transforms/lib/identity.ts";
const noIdentity = { name: "call.completed", originalTimestamp: "1657855059", properties: {} };

test("a known throw site of a real snippet maps to its line and function in TypeScript", () => {
  const site = tsSite(IDENTITY, "throw new MissingIdentityError(");
  const snippet = snippetForEvent("regal", "call.completed")!;
  const line = readSnippet(snippet).split("\n").findIndex((text) => text.includes("throw new MissingIdentityError(origin, lookedFor")) + 1;
  const column = readSnippet(snippet).split("\n")[line - 1]!.indexOf("throw") + 1;
  const position = readSnippetSource(join(DIST, snippet.file), ROOT)!.at({ line, column });
  expect(position).toMatchObject({ file: IDENTITY, line: site.line, function: site.function });
});

test("the test helpers' failure message names the TypeScript position, from the sandbox and from V8", async () => {
  const site = tsSite(IDENTITY, "throw new MissingIdentityError(");
  const snippet = snippetForEvent("regal", "call.completed")!;
  const sandbox = await runBuilt(snippet, noIdentity);
  const v8 = runInV8(readSnippet(snippet), noIdentity);
  expect(sandbox.ok || v8.ok).toBe(false);
  const where = new RegExp(`^snippet threw MissingIdentityError at ${IDENTITY.replace(/\./g, "\\.")}:${site.line}:\\d+ in ${site.function} \\(snippet line \\d+:\\d+\\): Regal call\\.completed: no user identifier`);
  if (!sandbox.ok) expect(describeFailure(snippet, sandbox.error)).toMatch(where);
  if (!v8.ok) expect(describeFailure(snippet, v8)).toMatch(where);
});
