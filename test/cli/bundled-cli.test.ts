import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { BUNDLED_COMMANDS } from "../../build/cli-bundle/bundle-cli";
import { freshBundle } from "../../build/cli-bundle/stamp.js";
import { recordCostBudget } from "../../build/cli/cost-budget";
import { projectAt } from "../../build/project";
import { ROOT } from "../support/dist";
import { FIXTURES } from "../support/fixtures";
import { WEBHOOK_FIXTURES } from "../support/webhooks";

/*
 * The installed bin runs bdt run, render and verify from the precompiled
 * bundle (build/cli-bundle), without the compiler, the bundlers or a
 * TypeScript loader, and bdt build from it too. Each is run as a process with a hook that writes down
 * every module it loads, ES modules and CommonJS alike.
 */
const FORBIDDEN = ["typescript", "ts-morph", "rollup", "terser", "tsx", "esbuild"];
const run = promisify(execFile);
let scratch: string;
let tracer: string;

beforeAll(async () => {
  // What npm install (prepare) and npm run build do; nothing when the bundle is fresh.
  await run("npx", ["tsx", "build/cli-bundle/refresh.ts"], { cwd: ROOT });
  // What bdt build records for bdt run's cost line.
  await recordCostBudget(projectAt(ROOT));
  scratch = mkdtempSync(join(tmpdir(), "bdt-bundled-"));
  const hooks = join(scratch, "hooks.mjs");
  writeFileSync(hooks, `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.BDT_TRACE, url + "\\n");
  return next(url, context);
}
`);
  tracer = join(scratch, "trace.mjs");
  writeFileSync(tracer, `import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
register(${JSON.stringify(pathToFileURL(hooks).href)});
const cache = createRequire(import.meta.url).cache;
process.on("exit", () => appendFileSync(process.env.BDT_TRACE, Object.keys(cache).join("\\n") + "\\n"));
`);
});
afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));

/** Runs the bin with `argv` and returns every module the process loaded. */
async function loadedBy(argv: readonly string[]): Promise<{ code: number; modules: string[] }> {
  const trace = join(scratch, `${argv[0]}.trace`);
  writeFileSync(trace, "");
  const code = await run(process.execPath, ["--import", pathToFileURL(tracer).href, join(ROOT, "build/bin/bdt.js"), ...argv], { cwd: ROOT, env: { ...process.env, BDT_TRACE: trace } }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
  return { code, modules: readFileSync(trace, "utf8").split("\n").filter((line) => line !== "") };
}

const packagesIn = (modules: readonly string[]) => [...new Set(modules.flatMap((module) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/.][^\\/]*)[\\/]/.exec(module)?.[1] ?? []))];

test.each([
  ["run", ["run", "regal/call.completed", join(FIXTURES, "regal", "call.completed", "regal-documented.json")]],
  ["render", ["render", "rokt/new-event", "--user", join(WEBHOOK_FIXTURES, "profiles/plain.json"), "--event", join(WEBHOOK_FIXTURES, "events/plain.json"), "--connected", `connected_answer=${join(WEBHOOK_FIXTURES, "connected/rokt-token.json")}`]],
  ["verify", ["verify", join(ROOT, "dist", "regal", "call.completed.js")]],
] as const)("bdt %s runs from the bundle and loads no compiler, bundler or TypeScript loader", async (command, argv) => {
  expect(BUNDLED_COMMANDS).toContain(command);
  const bundle = freshBundle(ROOT);
  if (bundle === undefined) throw new Error("no fresh CLI bundle in node_modules/.cache/bdt/cli after build/cli-bundle/refresh.ts");
  const { code, modules } = await loadedBy(argv);
  expect(code).toBe(0);
  // Were the bundle skipped, tsx would be loaded and the check below would say so; this says why.
  expect(modules, "the bin did not load the bundle's entry").toContain(pathToFileURL(bundle.entry).href);
  expect(packagesIn(modules).filter((name) => FORBIDDEN.includes(name))).toEqual([]);
  expect(modules.filter((module) => module.endsWith(".ts"))).toEqual([]);
});

test("bdt build runs from the bundle too: its own code precompiled, tsx loaded only once it imports the project's TypeScript", async () => {
  expect(BUNDLED_COMMANDS).toContain("build");
  const bundle = freshBundle(ROOT);
  if (bundle === undefined) throw new Error("no fresh CLI bundle in node_modules/.cache/bdt/cli after build/cli-bundle/refresh.ts");
  // A usage mistake stops the command before it builds: a whole build here would cost the suite seconds (CI's npm run build -- --check runs one from the bundle).
  const { code, modules } = await loadedBy(["build", "--json"]);
  expect(code).toBe(2);
  expect(modules).toContain(pathToFileURL(bundle.entry).href);
  expect(packagesIn(modules).filter((name) => FORBIDDEN.includes(name))).toEqual([]);
  expect(modules.filter((module) => module.endsWith(".ts"))).toEqual([]);
});

test("the tracer sees both kinds of module: a command the bundle does not serve loads tsx (ES) and esbuild (CommonJS)", async () => {
  const { code, modules } = await loadedBy(["nope"]);
  expect(code).toBe(2);
  expect(packagesIn(modules)).toEqual(expect.arrayContaining(["tsx", "esbuild"]));
});
