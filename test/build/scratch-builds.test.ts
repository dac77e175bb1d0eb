import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { snippetProblems } from "../../build/verify-snippet";
import { staleFiles, writeDist } from "../../build/dist";
import { projectAt } from "../../build/project";
import { runSnippet } from "../../sandbox";
import { scratchProject } from "../support/scratch-project";
import { sharedBuild } from "../support/shared-build";

const scratch = scratchProject();
afterAll(() => scratch.remove());

// What the unchanged scratch project builds (shared with the other suites that read it); the tests below build again where the build is what they check.
let built: ReadonlyMap<string, string>;
beforeAll(async () => {
  built = (await sharedBuild(scratch.project)).files;
  writeDist(scratch.project, built);
});

const staleAfterBuild = async () => staleFiles(scratch.project, (await buildProject(scratch.project)).files);

test("--check passes right after a build and names each stale, missing or orphaned file", () => {
  expect(staleFiles(scratch.project, built)).toEqual([]);

  const completed = join(scratch.project.distDir, "regal/call.completed.js");
  writeFileSync(completed, readFileSync(completed, "utf8").replace("Call Completed", "Call Done"));
  rmSync(join(scratch.project.distDir, "regal/contact.unsubscribed.js"));
  writeFileSync(join(scratch.project.distDir, "regal/old.event.js"), "return {};\n");
  expect(staleFiles(scratch.project, built)).toEqual([
    "stale: dist/regal/call.completed.js",
    "missing: dist/regal/contact.unsubscribed.js",
    "not built from any source: dist/regal/old.event.js",
  ]);

  const { written, removed } = writeDist(scratch.project, built);
  expect({ written, removed }).toEqual({
    written: ["regal/call.completed.js", "regal/contact.unsubscribed.js"],
    removed: ["regal/old.event.js"],
  });
});

test("two builds are byte-identical and contain no absolute paths", async () => {
  const again = await buildProject(scratch.project);
  expect([...again.files]).toEqual([...built]);
  for (const [file, content] of again.files) expect(content.includes(scratch.root), file).toBe(false);
});

test("--min adds a minified variant of each snippet that gives the same output", async () => {
  const minified = (await sharedBuild(scratch.project, { minify: true })).files;
  const payload = { name: "call.completed", userId: "u1", originalTimestamp: "1657855059", properties: { notes: "n" } };
  const { snippets } = JSON.parse(minified.get("manifest.json")!) as { snippets: { id: string; file: string }[] };
  expect(snippets.length).toBeGreaterThan(0);
  for (const snippet of snippets) {
    const min = minified.get(`${snippet.id}.min.js`);
    expect(min, snippet.id).toBeDefined();
    expect(min!.length, snippet.id).toBeLessThan(minified.get(snippet.file)!.length / 2);
    expect(snippetProblems(min!.slice(min!.indexOf("\n") + 1), "es2018"), snippet.id).toEqual([]);
  }
  const full = await runSnippet(minified.get("regal/call.completed.js")!, payload);
  const min = await runSnippet(minified.get("regal/call.completed.min.js")!, payload);
  expect(full.ok && min.ok).toBe(true);
  expect(min.ok && min.output).toEqual(full.ok && full.output);
});

test("a comment or a type changes no snippet in dist/: only the source maps follow the lines that moved", async () => {
  const stale = await scratch.withEdit(
    "transforms/lib/values.ts",
    (text) => `// a reviewer's note\n${text}`.replace("export function readText(value: unknown): string | undefined", "export function readText(value: unknown): string | undefined | never"),
    () => scratch.withEdit("transforms/regal/contact.created.ts", (text) => text.replace("was created in Regal", "was made in Regal"), staleAfterBuild),
  );
  // Every snippet reads lib/values.ts, whose lines the comment moved.
  expect(stale).toEqual([...built.keys()].filter((file) => file.endsWith(".js.map")).map((file) => `stale: dist/${file}`));
});

test.each([
  ["a changed mapping", "transforms/regal/contact.experiment.assigned.ts", (text: string) => text.replace('  event: "contact.experiment.assigned",', '  event: "contact.experiment.assigned",\n  attributes: { experiment: "experiment_name" },'), true],
  // The settings a snippet inlines are code the build writes, which its map leaves out.
  ["one event's settings", "transforms/settings.ts", (text: string) => text.replace('brazeEventName: "Contact Experiment Assigned"', 'brazeEventName: "Experiment Assigned"'), false],
])("after %s, only that event's snippet, the router, their maps if its code moved, the manifest and the mapping table are stale", async (_what, path, change, mapsMove) => {
  expect(await scratch.withEdit(path, change, staleAfterBuild)).toEqual([
    "stale: dist/regal/contact.experiment.assigned.js",
    ...(mapsMove ? ["stale: dist/regal/contact.experiment.assigned.js.map"] : []),
    "stale: dist/regal/router.js",
    ...(mapsMove ? ["stale: dist/regal/router.js.map"] : []),
    "stale: dist/manifest.json",
    "stale: dist/regal/README.md",
  ]);
});

test("a mapping path the payload does not have fails the build at its position", async () => {
  const build = scratch.withEdit("transforms/regal/contact.created.ts", (text) => text.replace('first_name: "firstName"', 'first_name: "firstNmae"'), () => buildProject(scratch.project));
  await expect(build).rejects.toThrow(/^type check failed \(1 error\)\ntransforms\/regal\/contact\.created\.ts:8:5 TS2820: Type '"firstNmae"' is not assignable to type .*Did you mean '"firstName"'\?$/);
});

test("a type error fails the build with file:line:col", async () => {
  scratch.write(
    "transforms/regal/call.placed.ts",
    'import type { Regal } from "./lib/payloads";\nconst count: number = "three";\nexport default { shape: "customEvent", event: "call.placed" } satisfies Regal<"call.placed">;\n',
  );
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow(/^type check failed \(1 error\)\ntransforms\/regal\/call\.placed\.ts:2:7 TS2322: Type 'string' is not assignable to type 'number'\.$/);
  } finally {
    rmSync(join(scratch.root, "transforms/regal/call.placed.ts"));
  }
});

test("a static-check finding fails the build", async () => {
  scratch.write("transforms/regal/call.placed.ts", 'export default { shape: "customEvent", event: Math.random() > 0.5 ? "call.placed" : "call.placed" };\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow(/static checks failed \(1\)\ntransforms\/regal\/call\.placed\.ts:1:47 Math\.random\(\)/);
  } finally {
    rmSync(join(scratch.root, "transforms/regal/call.placed.ts"));
  }
});

test("a module whose file name is not the event it handles is refused", async () => {
  scratch.write("transforms/regal/call.wrapup.ts", 'import type { Regal } from "./lib/payloads";\nexport default { shape: "customEvent", event: "call.placed" } satisfies Regal<"call.placed">;\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow("regal/call.wrapup: handles call.placed, so its file must be named call.placed.ts");
  } finally {
    rmSync(join(scratch.root, "transforms/regal/call.wrapup.ts"));
  }
});

test("--settings builds for another workspace", async () => {
  scratch.write(
    "workspaces/acme.ts",
    [
      'import type { Settings } from "../transforms/lib/settings";',
      'import type { RegalSettings } from "../transforms/regal/lib/settings";',
      "export default {",
      '  identity: { identifierOrder: ["email", "external_id", "phone"], phoneIdentity: { as: "phone" } },',
      "  costBudget: 2000,",
      "  sources: {",
      "    regal: {",
      '      subscriptionGroups: { voice: "acme-voice-group", sms: "acme-sms-group" },',
      '      catalogs: { agents: "acme_agents" },',
      '      events: { "call.completed": { brazeEventName: "Regal Call", updateExistingOnly: true } },',
      "    },",
      "  },",
      "} satisfies Settings & { sources: { regal: RegalSettings } };",
    ].join("\n"),
  );
  const acme = await sharedBuild(projectAt(scratch.root, "workspaces/acme.ts"));
  expect(acme.warnings).toEqual([]);
  const completed = acme.files.get("regal/call.completed.js")!;
  expect(completed).toContain("// Settings baked in from workspaces/acme.ts:");
  const payload = { name: "call.completed", userId: "u1", traits: { email: "a@b.co" }, originalTimestamp: "1657855059", properties: {} };
  const result = await runSnippet(completed, payload);
  expect(result.ok && result.output).toEqual({
    events: [{ email: "a@b.co", _update_existing_only: true, name: "Regal Call", time: "2022-07-15T03:17:39.000Z", properties: {} }],
  });
  const unsubscribe = (phone: string) =>
    runSnippet(acme.files.get("regal/contact.unsubscribed.js")!, { name: "contact.unsubscribed", traits: { phone }, properties: { channel: "sms" } });
  const international = await unsubscribe("+17625551796");
  expect(international.ok && international.output).toMatchObject({
    attributes: [
      {
        phone: "+17625551796",
        _update_existing_only: true,
        subscription_groups: [{ subscription_group_id: "acme-sms-group", subscription_state: "unsubscribed" }],
      },
    ],
    events: [{ phone: "+17625551796", _update_existing_only: true, name: "Contact Unsubscribed" }],
  });
  // Braze's phone identifier needs E.164: a number without its country code identifies no one.
  const local = await unsubscribe("(762) 555-1796");
  expect(local.ok ? local.output : local.error.name).toBe("MissingIdentityError");
});

test("a settings file that does not type-check fails the build", async () => {
  scratch.write(
    "workspaces/typo.ts",
    [
      'import type { Settings } from "../transforms/lib/settings";',
      "export default {",
      '  identity: { identifierOrder: ["userId"], phoneIdentity: { as: "phone" } },',
      "  costBudget: 2000,",
      "  sources: {},",
      "} satisfies Settings;",
    ].join("\n"),
  );
  await expect(buildProject(projectAt(scratch.root, "workspaces/typo.ts"))).rejects.toThrow(/type check failed[\s\S]*workspaces\/typo\.ts:3:\d+ TS2322/);
});

test("settings naming an event Regal does not send fail the build at their position", async () => {
  const build = scratch.withEdit("transforms/settings.ts", (text) => text.replace('"call.completed": {', '"call.complete": {'), () => buildProject(scratch.project));
  await expect(build).rejects.toThrow(/^type check failed \(1 error\)\ntransforms\/settings\.ts:\d+:\d+ TS2353: Object literal may only specify known properties, and '"call\.complete"' does not exist/);
});

test("an empty subscription group id fails the build instead of shipping requests Braze refuses", async () => {
  const build = scratch.withEdit("transforms/settings.ts", (text) => text.replace('voice: "YOUR VOICE SUBSCRIPTION GROUP ID"', 'voice: " "'), () => buildProject(scratch.project));
  await expect(build).rejects.toThrow("regal/contact.unsubscribed: subscriptionGroups.voice is empty: Braze refuses an update without a subscription group id");
});
