/**
 * `npm run bench [-- --json]`: build and run costs measured in one run on
 * this machine, against the floors they cannot beat. With --json the last
 * line is one JSON object (the keys of issue 5). Not part of `npm test`:
 * timings on a shared machine are reported, never asserted.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { minifySnippet } from "../build/minify";
import { watchProject } from "../build/watch";
import { openSnippetRunner, runSnippet } from "../sandbox";
import { readManifest, readSnippet, ROOT, type ManifestSnippet } from "../test/support/dist";
import { discoverFixtures } from "../test/support/fixtures";
import { scratchProject } from "../test/support/scratch-project";
import { runInV8 } from "../test/support/v8";
import { median, medianMicros, medianOfProcess } from "./measure";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, "skip-suite": { type: "boolean", default: false } } });
const log = (line: string) => process.stderr.write(`${line}\n`);

log("cold build (5 fresh processes) and tsc --noEmit (5)…");
const buildColdMs = Math.round(medianOfProcess(process.execPath, ["build/bin/bdt.js", "build"], ROOT, 5));
const tscNoEmitMs = Math.round(medianOfProcess(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "transforms"], ROOT, 5));

log("watch mode: 20 saves of one transform…");
const rebuildOneMs = Math.round(await rebuildOne(20));

log("each snippet: fresh runtime, reused runtime, Node vm, sizes, cost…");
const fixtures = discoverFixtures();
const snippets: Record<string, SnippetFigures> = {};
for (const snippet of readManifest()) snippets[snippet.id] = await snippetFigures(snippet);

let suiteMs: number | null = null;
if (!values["skip-suite"]) {
  log("npm test…");
  suiteMs = Math.round(medianOfProcess("npm", ["test", "--silent"], ROOT, 1));
}

const result = {
  build_cold_ms: buildColdMs,
  tsc_noemit_ms: tscNoEmitMs,
  build_ratio: Math.round((buildColdMs / tscNoEmitMs) * 100) / 100,
  rebuild_one_ms: rebuildOneMs,
  snippets,
  suite_ms: suiteMs,
};
printTable(result);
if (values.json) console.log(JSON.stringify(result));

interface SnippetFigures {
  isolated_us: number;
  reused_us: number;
  node_vm_us: number;
  bytes: number;
  min_bytes: number;
  cost: number;
}

async function snippetFigures(snippet: ManifestSnippet): Promise<SnippetFigures> {
  const code = readSnippet(snippet);
  const cases = fixtures.filter((fixture) => fixture.source === snippet.source && snippet.events.includes(fixture.event));
  const documented = (cases.find((fixture) => fixture.name === `${snippet.source}-documented`) ?? cases[0])!.data.payload;
  const runner = await openSnippetRunner(code);
  const reusedUs = await medianMicros(() => runner.run(documented), 200);
  runner.dispose();
  const largest = cases.reduce((a, b) => (JSON.stringify(b.data.payload).length > JSON.stringify(a.data.payload).length ? b : a));
  return {
    isolated_us: await medianMicros(() => runSnippet(code, documented), 30),
    reused_us: reusedUs,
    node_vm_us: await medianMicros(() => runInV8(code, documented), 30),
    bytes: Buffer.byteLength(code),
    min_bytes: Buffer.byteLength(await minifySnippet(snippet.id, code)),
    cost: (await runSnippet(code, largest.data.payload)).stats.cost,
  };
}

/**
 * From saving a transform to its snippet and the router written, in a scratch
 * copy of the whole project; each save changes the mapping (a comment would
 * change nothing in dist/).
 */
async function rebuildOne(saves: number): Promise<number> {
  const scratch = scratchProject("bench-watch");
  cpSync(join(ROOT, "transforms/regal"), join(scratch.root, "transforms/regal"), { recursive: true });
  const watcher = watchProject(scratch.project, { out: () => undefined, err: () => undefined });
  await watcher.next();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const file = join(scratch.root, "transforms/regal/call.placed.ts");
  const original = readFileSync(file, "utf8");
  const withAttribute = original.replace('event: "call.placed",', 'event: "call.placed",\n  attributes: { last_agent: "agent_email" },');
  const samples: number[] = [];
  for (let i = 0; i < saves; i++) {
    const started = performance.now();
    writeFileSync(file, i % 2 === 0 ? withAttribute : original);
    for (;;) {
      const rebuild = await watcher.next();
      if (rebuild.written.includes("regal/router.js")) break;
    }
    samples.push(performance.now() - started);
    await watcher.nextCheck();
  }
  await watcher.close();
  scratch.remove();
  return median(samples);
}

function printTable(figures: typeof result): void {
  log("");
  log(`build (cold, fresh process)   ${figures.build_cold_ms} ms`);
  log(`tsc --noEmit (the floor)      ${figures.tsc_noemit_ms} ms`);
  log(`build / tsc                   ${figures.build_ratio}`);
  log(`watch: save → snippet written ${figures.rebuild_one_ms} ms`);
  if (figures.suite_ms !== null) log(`npm test                      ${figures.suite_ms} ms`);
  log("");
  log(`${"snippet".padEnd(36)} ${"fresh µs".padStart(9)} ${"reused µs".padStart(9)} ${"node vm µs".padStart(10)} ${"bytes".padStart(7)} ${"min".padStart(6)} ${"cost".padStart(5)}`);
  for (const [id, s] of Object.entries(figures.snippets)) {
    log(`${id.padEnd(36)} ${String(s.isolated_us).padStart(9)} ${String(s.reused_us).padStart(9)} ${String(s.node_vm_us).padStart(10)} ${String(s.bytes).padStart(7)} ${String(s.min_bytes).padStart(6)} ${String(s.cost).padStart(5)}`);
  }
}
