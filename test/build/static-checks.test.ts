import { afterAll, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { formatFinding, runStaticChecks } from "../../build/static-checks";
import { projectAt } from "../../build/project";
import { ROOT } from "../support/dist";
import { scratchProject } from "../support/scratch-project";

const scratch = scratchProject();
afterAll(() => scratch.remove());

test("the project's own transforms pass the static checks", () => {
  expect(runStaticChecks(projectAt(ROOT)).map(formatFinding)).toEqual([]);
});

test("each forbidden construct is reported at its file:line:col with a reason", () => {
  scratch.write(
    "transforms/regal/forbidden.ts",
    [
      'import { readFileSync } from "node:fs";',
      'import { z } from "zod";',
      'import { DESTINATIONS } from "../../contract/schema";',
      'import type { UsersTrackRequest } from "../../contract/schema";',
      'import { MAX_STRING_CHARS } from "../../contract/limits";',
      'const lib = require("lodash");',
      'const later = import("./other");',
      "async function load() { await later; }",
      "setTimeout(() => 0, 10);",
      'fetch("https://example.com");',
      "const env = process.env;",
      "const g = globalThis;",
      'eval("1");',
      'const f = new Function("return 1");',
      "const money = (1234).toLocaleString();",
      'const fmt = new Intl.NumberFormat("en");',
      "const dice = Math.random();",
      "const p = new Promise<number>(() => {});",
      "const safe = { process: 1, fetch: 2 }.process;",
      "export default { readFileSync, z, DESTINATIONS, MAX_STRING_CHARS, lib, load, env, g, f, money, fmt, dice, p, safe } as unknown as UsersTrackRequest;",
    ].join("\n"),
  );
  const findings = runStaticChecks(scratch.project)
    .filter((finding) => finding.file === "transforms/regal/forbidden.ts")
    .map((finding) => `${finding.line}:${finding.column} ${finding.reason.split(":")[0]}`);
  expect(findings).toEqual([
    '1:1 imports "node',
    '2:1 imports "zod"',
    '3:1 imports "../../contract/schema" from outside transforms/',
    "6:13 require() is not available in Braze",
    "7:15 dynamic import() is not available in Braze",
    "8:1 async functions never finish before Braze takes the return value",
    "8:25 await is not available",
    "9:1 timers do not exist in Braze",
    "10:1 Braze transformations cannot make network requests",
    "11:13 process is a Node.js global that Braze does not have",
    "12:11 globalThis is host-dependent",
    "13:1 eval is not allowed",
    "14:15 the Function constructor is eval in disguise",
    "15:15 toLocaleString() depends on the engine's locale data",
    "16:17 Intl is not in the recorded engine (contract/observed/javascript-engine.json)",
    "17:14 Math.random() makes outputs non-deterministic and untestable",
    "18:15 Promises never settle before Braze takes the return value",
  ]);
});

test("Intl and locale formatting are allowed only when the recorded engine and its local profile both have Intl", () => {
  scratch.write("transforms/regal/locale.ts", 'export default (1234).toLocaleString() + new Intl.NumberFormat("en").format(1);\n');
  const reasons = () => runStaticChecks(scratch.project).filter((finding) => finding.file === "transforms/regal/locale.ts").map((finding) => finding.reason.split(" ")[0]);
  const record = (profile: string, intl: boolean) =>
    scratch.write("contract/observed/javascript-engine.json", JSON.stringify({ profile, syntax: "es2018", intl, probed: null }));
  try {
    record("quickjs", false);
    expect(reasons()).toEqual(["toLocaleString()", "Intl"]);
    record("quickjs", true);
    expect(reasons(), "QuickJS has no Intl, so the tests could not run such code").toEqual(["toLocaleString()", "Intl"]);
    record("v8", true);
    expect(reasons()).toEqual([]);
  } finally {
    scratch.write("transforms/regal/locale.ts", "export {};\n");
  }
});

test("findings are printed as file:line:col reason", () => {
  expect(formatFinding({ file: "transforms/regal/x.ts", line: 3, column: 7, reason: "why" })).toBe("transforms/regal/x.ts:3:7 why");
});

// The build runs them on its checks thread, beside its bundling: their findings must still be what a failing build reports first.
test("a build with findings fails on exactly those, before the type errors of the same files", async () => {
  scratch.write("transforms/regal/mistyped.ts", 'import { readFileSync } from "node:fs";\nconst count: number = "many";\nexport default { readFileSync, count };\n');
  const findings = runStaticChecks(scratch.project).map(formatFinding);
  expect(findings).toContain('transforms/regal/mistyped.ts:1:1 imports "node:fs": a snippet cannot load packages or Node built-ins, only modules in transforms/');
  await expect(buildProject(scratch.project)).rejects.toMatchObject({ summary: `static checks failed (${findings.length})`, problems: findings });
});
