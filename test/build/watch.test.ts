import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { staleFiles } from "../../build/dist";
import { watchProject, type Rebuild } from "../../build/watch";
import { ROOT } from "../support/dist";
import { SCRATCH_EVENTS, scratchProject } from "../support/scratch-project";

const scratch = scratchProject();
const fixtures = (event: string) => join("test/fixtures/regal", event);
// The partners' documented cases: enough for verdicts that count what they compare, few enough that each session's verdicts are quick.
for (const event of SCRATCH_EVENTS) {
  cpSync(join(ROOT, fixtures(event)), join(scratch.root, fixtures(event)), { recursive: true, filter: (path) => !path.endsWith(".json") || path.endsWith("-documented.json") });
}
/** Cases with a golden, the ones a verdict compares. */
const casesOf = (event: string) =>
  readdirSync(join(scratch.root, fixtures(event)))
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(scratch.root, fixtures(event), file), "utf8")) as Record<string, unknown>)
    .filter((fixture) => "expected" in fixture || "error" in fixture).length;
const lastVerdict = (file: string) => lines.filter((line) => line.startsWith(`rebuilt dist/${file} `)).at(-1);
const lines: string[] = [];
const watcher = watchProject(scratch.project, { out: (line) => lines.push(line), err: (line) => lines.push(`err ${line}`) });
afterAll(async () => {
  await watcher.close();
  scratch.remove();
});

/**
 * The next rebuild that did what `expected` says. A save can reach the
 * watcher as two file events, the first seeing a half-written file: the
 * watcher reports that and recovers on the second, so tests wait past it.
 */
async function nextRebuild(expected: (rebuild: Rebuild) => boolean = (r) => r.failed || r.written.length > 0): Promise<Rebuild> {
  for (;;) {
    const rebuild = await watcher.next();
    if (expected(rebuild)) return rebuild;
  }
}
const succeeded = (rebuild: Rebuild) => !rebuild.failed && rebuild.written.length > 0;

const source = (event: string) => join(scratch.root, "transforms/regal", `${event}.ts`);
const edit = (event: string, change: (text: string) => string) => writeFileSync(source(event), change(readFileSync(source(event), "utf8")));

test("the first build writes every snippet", async () => {
  const first = await nextRebuild(succeeded);
  expect(first.rebuilt).toEqual([...SCRATCH_EVENTS.map((event) => `regal/${event}`), "regal/router"]);
  expect(first.written).toEqual(expect.arrayContaining(["regal/call.completed.js", "manifest.json", "regal/README.md"]));
});

const withAttribute = (text: string) => text.replace('event: "contact.experiment.assigned",', 'event: "contact.experiment.assigned",\n  attributes: { experiment: "experiment_name" },');

test("a saved transform rebuilds only its snippet and the router, prints its size and fixture verdict, and matches a full build", async () => {
  edit("contact.experiment.assigned", withAttribute);
  const rebuild = await nextRebuild(succeeded);
  expect(rebuild).toEqual({
    rebuilt: ["regal/contact.experiment.assigned", "regal/router"],
    written: ["regal/contact.experiment.assigned.js", "regal/contact.experiment.assigned.js.map", "regal/router.js", "regal/router.js.map", "manifest.json", "regal/README.md"],
    failed: false,
  });
  expect(await watcher.nextCheck()).toEqual([]);
  await expect.poll(() => lines.find((line) => line.startsWith("rebuilt dist/regal/contact.experiment.assigned.js"))).toMatch(/^rebuilt dist\/regal\/contact\.experiment\.assigned\.js \(\d+ bytes\): (no fixtures|\d+ of \d+ match their goldens)/);
  const cases = casesOf("contact.experiment.assigned");
  // The router compares only the cases the save can change.
  await expect.poll(() => lastVerdict("regal/router.js")).toMatch(
    new RegExp(`: \\d+ of ${cases} match their goldens \\(the cases of contact\\.experiment\\.assigned: the change reached only its module and mapping\\)`),
  );
  expect(staleFiles(scratch.project, (await buildProject(scratch.project)).files)).toEqual([]);
});

test("a saved lib helper rebuilds every snippet that uses it", async () => {
  const helper = join(scratch.root, "transforms/lib/values.ts");
  writeFileSync(helper, readFileSync(helper, "utf8").replace('text === "undefined"', 'text === "undefined" || text === "NULL"'));
  const rebuild = await nextRebuild(succeeded);
  expect(rebuild.rebuilt).toEqual([...SCRATCH_EVENTS.map((event) => `regal/${event}`), "regal/router"]);
  await watcher.verdicts();
  const manifest = JSON.parse(readFileSync(join(scratch.project.distDir, "manifest.json"), "utf8")) as { snippets: { id: string; events: string[] }[] };
  const all = manifest.snippets.find((snippet) => snippet.id === "regal/router")!.events.reduce((sum, event) => sum + casesOf(event), 0);
  // A lib reaches every event: the router compares all its cases.
  await expect.poll(() => lastVerdict("regal/router.js")).toMatch(new RegExp(`: \\d+ of ${all} match their goldens(,|$)`));
});

test("a saved comment rewrites only the source maps of the snippets that read the file", async () => {
  edit("contact.created", (text) => `// a reviewer's note\n${text}`);
  const rebuild = await nextRebuild(succeeded);
  expect(rebuild.written).toEqual(["regal/contact.created.js.map", "regal/router.js.map"]);
});

test("errors are printed, the watch keeps running, and the next save recovers", async () => {
  lines.length = 0;
  const original = readFileSync(source("call.completed"), "utf8");
  edit("call.completed", (text) => text.replace('event: "call.completed",', 'event: "call.completed",\n  attributes: { notes: "nots" },'));
  await nextRebuild(succeeded);
  expect(await watcher.nextCheck()).toEqual([expect.stringMatching(/^transforms\/regal\/call\.completed\.ts:\d+:\d+ TS2820/)]);
  expect(lines).toContain("err error: type check failed: fix before committing (npm run build refuses this)");

  edit("call.completed", (text) => text.replace('attributes: { notes: "nots" },', 'attributes: { notes: "nots" },,'));
  expect(await nextRebuild((r) => r.failed)).toMatchObject({ failed: true, rebuilt: [] });
  expect(lines).toContain("err error: syntax error (1)");

  writeFileSync(source("call.completed"), original);
  expect(await nextRebuild(succeeded)).toMatchObject({ failed: false, rebuilt: ["regal/call.completed", "regal/router"] });
  expect(await watcher.nextCheck()).toEqual([]);
});

test("a transform added or removed is picked up", async () => {
  writeFileSync(source("sms.sent"), 'import type { Regal } from "./lib/payloads";\n\nexport default { shape: "customEvent", event: "sms.sent" } satisfies Regal<"sms.sent">;\n');
  expect((await nextRebuild(succeeded)).written).toEqual(expect.arrayContaining(["regal/sms.sent.js", "manifest.json"]));
  rmSync(source("sms.sent"));
  expect((await nextRebuild(succeeded)).written).toContain("manifest.json");
  expect(staleFiles(scratch.project, (await buildProject(scratch.project)).files)).toEqual([]);
});

test("a saved event whose module another event imports rebuilds that event from its new mapping too", async () => {
  edit("contact.created", (text) => `export const notesAttribute = "notes";\n${text}`);
  edit("call.completed", (text) =>
    `import { notesAttribute } from "./contact.created";\n${text.replace('event: "call.completed",', 'event: "call.completed",\n  attributes: { [notesAttribute]: "notes" },')}`,
  );
  await nextRebuild((rebuild) => succeeded(rebuild) && rebuild.rebuilt.includes("regal/call.completed"));
  edit("contact.created", (text) => text.replace('notesAttribute = "notes"', 'notesAttribute = "call_notes"'));
  const rebuild = await nextRebuild(succeeded);
  expect(rebuild.rebuilt).toEqual(["regal/call.completed", "regal/contact.created", "regal/router"]);
  expect(readFileSync(join(scratch.project.distDir, "regal/README.md"), "utf8")).toContain("call_notes ← notes");
  expect(staleFiles(scratch.project, (await buildProject(scratch.project)).files)).toEqual([]);
});
