import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { writeDist } from "../../build/dist";
import { readSnippetSource } from "../../build/source-position";
import { stampDist } from "../../build/source-inputs";
import { json, postJson, serve } from "../serve/serve-project";
import { scratchProject } from "../support/scratch-project";
import { bdt } from "./bdt";

/*
 * A scratch project whose Regal envelope reader throws on purpose: every
 * report of that error names its TypeScript position, computed here from
 * the scratch source and the built snippet's text.
 */
const scratch = scratchProject();
const ENVELOPE = "transforms/regal/lib/envelope.ts";
const THROW = 'throw new TypeError("deliberate test throw");';
const HELPER = `
/** Refuses a test call, on purpose. */
function refuseTestCall(properties: Record<string, unknown>): void {
  if (properties.deliberate === "throw") {
    ${THROW}
  }
}
`;
const payload = { name: "call.completed", userId: "u1", originalTimestamp: "1657855059", properties: { deliberate: "throw" } };

/** 1-based line and column of `text`'s first occurrence in `source` (the column of its `at`-th character). */
function find(source: string, text: string, at = 0): { line: number; column: number } {
  const index = source.indexOf(text);
  if (index < 0) throw new Error(`not found: ${text}`);
  const before = source.slice(0, index + at);
  return { line: before.split("\n").length, column: index + at - before.lastIndexOf("\n") };
}

let envelope: string;
let snippet: string;
beforeAll(async () => {
  const original = readFileSync(join(scratch.root, ENVELOPE), "utf8");
  envelope = original
    .replace("export default {", `${HELPER}\nexport default {`)
    .replace("const properties = asRecord(body.properties) || {};", "const properties = asRecord(body.properties) || {};\n    refuseTestCall(properties);");
  scratch.write(ENVELOPE, envelope);
  scratch.write("payload.json", JSON.stringify(payload));
  const built = await buildProject(scratch.project, { minify: true });
  writeDist(scratch.project, built.files);
  stampDist(scratch.project);
  snippet = readFileSync(join(scratch.project.distDir, "regal/call.completed.js"), "utf8");
}, 60_000);
afterAll(() => scratch.remove());

const run = (...argv: string[]) => bdt(argv, { cwd: scratch.root });

describe("bdt run", () => {
  // QuickJS places a `new` expression at its argument list's "(".
  test("names the TypeScript file, line, column and function of a throw", async () => {
    const site = find(envelope, THROW, THROW.indexOf("("));
    const { code, err } = await run("run", "regal/call.completed", "payload.json", "--engine", "quickjs");
    expect(code).toBe(1);
    const line = find(snippet, THROW).line;
    expect(err.at(-1)).toMatch(
      new RegExp(`^error: regal/call\\.completed: snippet threw TypeError at ${ENVELOPE.replace(/\./g, "\\.")}:${site.line}:${site.column} in refuseTestCall \\(snippet line ${line}:\\d+\\): deliberate test throw$`),
    );
  });

  test("--json gives the position as source: {file, line, column, function}", async () => {
    const { out } = await run("run", "regal/call.completed", "payload.json", "--engine", "quickjs", "--json");
    const report = JSON.parse(out[0]!) as { error: { line: number; column: number }; source: unknown };
    expect(report.error).toMatchObject(find(snippet, THROW, THROW.indexOf("(")));
    expect(report.source).toEqual({ file: ENVELOPE, ...find(envelope, THROW, THROW.indexOf("(")), function: "refuseTestCall" });
  });
});

describe("bdt explain", () => {
  /** The throw's place in the snippet (its `throw`), and what explain must print for it. */
  const expected = (at: string) => {
    const place = find(snippet, THROW);
    const source = find(envelope, THROW);
    const text = envelope.split("\n")[source.line - 1]!;
    return {
      place,
      out: [
        `${ENVELOPE}:${source.line}:${source.column} in refuseTestCall (regal/call.completed line ${at.replace("L", String(place.line)).replace("C", String(place.column))})`,
        `  ${source.line} | ${text}`,
        `  ${" ".repeat(String(source.line).length)} | ${" ".repeat(source.column - 1)}^`,
      ],
    };
  };

  test.each([
    ["a stack frame", "2024-05-01T12:34:56.789Z ERROR TypeError: deliberate test throw at transform (worker.js:L:C)", "L:C"],
    ["an anonymous frame", "<anonymous>:L:C", "L:C"],
    ["line and column", "Error on line L, column C", "L:C"],
    ["line and col", "line L col C", "L:C"],
    ["a line alone", "SyntaxError at line L", "L"],
  ])("reads %s: the TypeScript position, function and source line with a caret", async (_format, template, at) => {
    const { place, out } = expected(at);
    const line = template.replace("L", String(place.line)).replace("C", String(place.column));
    expect(await run("explain", line, "--snippet", "regal/call.completed")).toEqual({ code: 0, out, err: [] });
  });

  test("explains each frame of a stack written on one line", async () => {
    const { place, out } = expected("L:C");
    const header = find(snippet, "// Destination");
    const result = await run("explain", `at <anonymous>:${header.line}:1 at <anonymous>:${place.line}:${place.column}`, "--snippet", "regal/call.completed");
    expect(result).toEqual({ code: 0, out, err: [`error: regal/call.completed line ${header.line} is in its header comment: no code there`] });
  });

  test("finds the snippet from its id in the log line, or from the event and the Error thrown there", async () => {
    const { place, out } = expected("L:C");
    const named = await run("explain", `regal/call.completed failed: <anonymous>:${place.line}:${place.column}`);
    expect(named).toEqual({ code: 0, out, err: ["note: explaining regal/call.completed: the log line names it (--snippet <id> to choose another)"] });
    const byEvent = await run("explain", `TypeError: Regal call.completed went wrong at <anonymous>:${place.line}:${place.column}`);
    expect(byEvent.out).toEqual(out);
    expect(byEvent.err).toEqual(["note: explaining regal/call.completed: of the snippets handling call.completed, only it has TypeError thrown there (--snippet <id> to choose another)"]);
  });

  test("a line naming no snippet is a usage error asking for --snippet", async () => {
    const { code, err } = await run("explain", "TypeError: deliberate test throw at <anonymous>:3:5");
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^bdt: the log line names no snippet and no event of one: pass --snippet <id> \(e\.g\. regal\/[\w.]+\)$/);
  });

  test("a line with no position, an unknown snippet: usage errors (exit 2) saying what was wrong", async () => {
    const none = await run("explain", "TypeError: deliberate test throw at 12:34:56", "--snippet", "regal/call.completed");
    expect(none.code).toBe(2);
    expect(none.err[0]).toMatch(/^bdt: no snippet position in the log line: bdt explain reads "file\.js:LINE:COL", /);
    const unknown = await run("explain", "line 3", "--snippet", "regal/call.complete");
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('bdt: unknown transform "regal/call.complete": did you mean regal/call.completed?');
  });

  test("a place outside the snippet, or on no TypeScript, is one error line and exit 1", async () => {
    const lines = snippet.split("\n").length - 1;
    const explain = (line: string) => run("explain", line, "--snippet", "regal/call.completed");
    expect(await explain(`line ${lines + 1}`)).toEqual({ code: 1, out: [], err: [`error: regal/call.completed has ${lines} lines: line ${lines + 1} is not in it (is the log from an older paste of it?)`] });
    const place = find(snippet, THROW);
    const length = snippet.split("\n")[place.line - 1]!.length;
    expect(await explain(`line ${place.line}, column ${length + 2}`)).toEqual({
      code: 1,
      out: [],
      err: [`error: regal/call.completed line ${place.line} has ${length} characters: column ${length + 2} is not on it`],
    });
    const entry = find(snippet, "return transform(payload, headers);").line;
    expect(await explain(`line ${entry}`)).toEqual({
      code: 1,
      out: [],
      err: [`error: regal/call.completed line ${entry} is code the build writes itself (the snippet's entry, its settings or its return), from no TypeScript source`],
    });
  });

  test("refuses a stale dist/, and a snippet whose map is missing", async () => {
    const source = join(scratch.root, "transforms/regal/call.completed.ts");
    const text = readFileSync(source, "utf8");
    writeFileSync(source, `${text}\n// edited\n`);
    try {
      const stale = await run("explain", "line 3", "--snippet", "regal/call.completed");
      expect(stale).toEqual({ code: 1, out: [], err: ["error: dist/ is stale against transforms/regal/call.completed.ts: run npm run build"] });
    } finally {
      writeFileSync(source, text);
    }
    const map = join(scratch.project.distDir, "regal/call.completed.js.map");
    const kept = readFileSync(map, "utf8");
    rmSync(map);
    try {
      expect(await run("explain", "line 3", "--snippet", "regal/call.completed")).toEqual({ code: 1, out: [], err: ["error: dist/regal/call.completed.js.map is missing: run npm run build"] });
    } finally {
      writeFileSync(map, kept);
    }
  });
});

test("the --min variant's map leads its throw to the same TypeScript line", () => {
  const file = join(scratch.project.distDir, "regal/call.completed.min.js");
  const min = readFileSync(file, "utf8");
  const at = find(min, "throw new TypeError");
  expect(readSnippetSource(file, scratch.root)!.at(at)).toEqual({ file: ENVELOPE, ...find(envelope, THROW), function: "refuseTestCall" });
});

test("bdt serve's 422 answer carries the position as bdt run --json does", async () => {
  const server = await serve(scratch.project, { engine: "quickjs" });
  try {
    const response = await postJson(`${server.url}/regal/call.completed`, payload);
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.source).toEqual({ file: ENVELOPE, ...find(envelope, THROW, THROW.indexOf("(")), function: "refuseTestCall" });
  } finally {
    await server.close();
  }
});
