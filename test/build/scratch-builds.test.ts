import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildProject, type BuildOutput } from "../../build/build";
import { snippetProblems } from "../../build/verify-snippet";
import { staleFiles, writeDist } from "../../build/dist";
import { projectAt } from "../../build/project";
import { runSnippet } from "../../sandbox";
import { scratchProject } from "../support/scratch-project";

const scratch = scratchProject("scratch-builds");
afterAll(() => scratch.remove());

let built: BuildOutput;
beforeAll(async () => {
  built = await buildProject(scratch.project);
  writeDist(scratch.project, built.files);
});

test("--check passes right after a build and names each stale, missing or orphaned file", () => {
  expect(staleFiles(scratch.project, built.files)).toEqual([]);

  const completed = join(scratch.project.distDir, "regal/call.completed.js");
  writeFileSync(completed, readFileSync(completed, "utf8").replace("Call Completed", "Call Done"));
  rmSync(join(scratch.project.distDir, "regal/contact.unsubscribed.js"));
  writeFileSync(join(scratch.project.distDir, "regal/old.event.js"), "return {};\n");
  expect(staleFiles(scratch.project, built.files)).toEqual([
    "stale: dist/regal/call.completed.js",
    "missing: dist/regal/contact.unsubscribed.js",
    "not built from any source: dist/regal/old.event.js",
  ]);

  const { written, removed } = writeDist(scratch.project, built.files);
  expect({ written, removed }).toEqual({
    written: ["regal/call.completed.js", "regal/contact.unsubscribed.js"],
    removed: ["regal/old.event.js"],
  });
});

test("two builds are byte-identical and contain no absolute paths", async () => {
  const again = await buildProject(scratch.project);
  expect([...again.files]).toEqual([...built.files]);
  for (const [file, content] of built.files) expect(content.includes(scratch.root), file).toBe(false);
});

test("--min adds a minified variant of each snippet that gives the same output", async () => {
  const minified = await buildProject(scratch.project, { minify: true });
  const payload = { name: "call.completed", userId: "u1", originalTimestamp: "1657855059", properties: { notes: "n" } };
  for (const snippet of minified.snippets) {
    const min = minified.files.get(`${snippet.id}.min.js`)!;
    expect(min.length, snippet.id).toBeLessThan(snippet.code.length / 2);
    expect(snippetProblems(min.slice(min.indexOf("\n") + 1)), snippet.id).toEqual([]);
  }
  const full = await runSnippet(minified.files.get("regal/call.completed.js")!, payload);
  const min = await runSnippet(minified.files.get("regal/call.completed.min.js")!, payload);
  expect(full.ok && min.ok).toBe(true);
  expect(min.ok && min.output).toEqual(full.ok && full.output);
});

test("a changed source makes its snippet and the manifest stale", async () => {
  const source = join(scratch.root, "transforms/regal/contact.experiment.assigned.ts");
  const original = readFileSync(source, "utf8");
  writeFileSync(source, `${original}\n// a reviewer's note\n`.replace("passed an A/B test node", "passed an A/B node"));
  try {
    expect(staleFiles(scratch.project, (await buildProject(scratch.project)).files)).toEqual([
      "stale: dist/regal/contact.experiment.assigned.js",
      "stale: dist/manifest.json",
    ]);
  } finally {
    writeFileSync(source, original);
  }
});

test("a type error fails the build with file:line:col", async () => {
  scratch.write("transforms/regal/broken.ts", 'import { customEvent } from "../lib/regal";\nconst count: number = "three";\nexport default customEvent("broken");\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow(/^type check failed \(1 error\)\ntransforms\/regal\/broken\.ts:2:7 TS2322: Type 'string' is not assignable to type 'number'\.$/);
  } finally {
    rmSync(join(scratch.root, "transforms/regal/broken.ts"));
  }
});

test("a static-check finding fails the build", async () => {
  scratch.write("transforms/regal/random.ts", 'import { customEvent } from "../lib/regal";\nexport default customEvent(Math.random() > 0.5 ? "random" : "random");\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow(/static checks failed \(1\)\ntransforms\/regal\/random\.ts:2:28 Math\.random\(\)/);
  } finally {
    rmSync(join(scratch.root, "transforms/regal/random.ts"));
  }
});

test("a module whose file name is not the event it handles is refused", async () => {
  scratch.write("transforms/regal/misnamed.ts", 'import { customEvent } from "../lib/regal";\nexport default customEvent("call.placed");\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow("regal/misnamed: handles call.placed, so its file must be named call.placed.ts");
  } finally {
    rmSync(join(scratch.root, "transforms/regal/misnamed.ts"));
  }
});

test("--settings builds for another workspace", async () => {
  scratch.write(
    "workspaces/acme.ts",
    [
      'import type { Settings } from "../transforms/lib/settings";',
      "export default {",
      '  identifierOrder: ["email", "external_id", "phone"],',
      '  phoneIdentity: { as: "phone" },',
      '  subscriptionGroups: { voice: "acme-voice-group", sms: "acme-sms-group" },',
      '  catalogs: { agents: "acme_agents" },',
      "  costBudget: 2000,",
      '  events: { "call.completed": { brazeEventName: "Regal Call", updateExistingOnly: true } },',
      "} satisfies Settings;",
    ].join("\n"),
  );
  const acme = await buildProject(projectAt(scratch.root, "workspaces/acme.ts"));
  expect(acme.warnings).toEqual([]);
  const completed = acme.files.get("regal/call.completed.js")!;
  expect(completed).toContain("// Settings baked in from workspaces/acme.ts:");
  const payload = { name: "call.completed", userId: "u1", traits: { email: "a@b.co" }, originalTimestamp: "1657855059", properties: {} };
  const result = await runSnippet(completed, payload);
  expect(result.ok && result.output).toEqual({
    events: [{ email: "a@b.co", _update_existing_only: true, name: "Regal Call", time: "2022-07-15T03:17:39.000Z", properties: {} }],
  });
  const unsubscribe = await runSnippet(acme.files.get("regal/contact.unsubscribed.js")!, {
    name: "contact.unsubscribed",
    traits: { phone: "+17625551796" },
    properties: { channel: "sms" },
  });
  expect(unsubscribe.ok && unsubscribe.output).toMatchObject({
    attributes: [
      {
        phone: "+17625551796",
        _update_existing_only: true,
        subscription_groups: [{ subscription_group_id: "acme-sms-group", subscription_state: "unsubscribed" }],
      },
    ],
    events: [{ phone: "+17625551796", _update_existing_only: true, name: "Contact Unsubscribed" }],
  });
});

test("a settings file that does not type-check fails the build", async () => {
  scratch.write(
    "workspaces/typo.ts",
    [
      'import type { Settings } from "../transforms/lib/settings";',
      "export default {",
      '  identifierOrder: ["userId"],',
      '  phoneIdentity: { as: "phone" },',
      '  subscriptionGroups: { voice: "v", sms: "s" },',
      '  catalogs: { agents: "agents" },',
      "  costBudget: 2000,",
      "  events: {},",
      "} satisfies Settings;",
    ].join("\n"),
  );
  await expect(buildProject(projectAt(scratch.root, "workspaces/typo.ts"))).rejects.toThrow(/type check failed[\s\S]*workspaces\/typo\.ts:3:\d+ TS2322/);
});
