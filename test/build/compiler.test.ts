import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { sha256 } from "../../build/header";
import { staleFiles } from "../../build/dist";
import { routerName } from "../../build/plan";
import { projectAt } from "../../build/project";
import { buildSnippet } from "../../build/snippet";
import { snippetProblems } from "../../build/verify-snippet";
import { ROOT } from "../support/dist";
import { sharedBuild, type SharedBuild } from "../support/shared-build";

let output: SharedBuild;
beforeAll(async () => {
  output = await sharedBuild(projectAt(ROOT));
});

describe("each snippet", () => {
  test("is a self-contained function body ending in one top-level return", () => {
    for (const snippet of output.snippets) {
      expect(snippetProblems(snippet.code, "es2018"), snippet.id).toEqual([]);
      expect(snippet.code, snippet.id).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
      expect(snippet.code.trimEnd(), snippet.id).toMatch(/\nreturn \w+\(payload, headers\);$/);
    }
  });

  test("uses no syntax newer than ES2018 and carries no comment from the sources", () => {
    for (const snippet of output.snippets) {
      const body = splitHeader(snippet.code)[1];
      expect(body, snippet.id).not.toMatch(/\?\.[A-Za-z_(\[]|\?\?/);
      expect(body, snippet.id).not.toMatch(/^\s*(\/\/|\/\*)/m);
    }
  });

  test("opens with the event's own mapping, then the settings it runs with", () => {
    const created = splitHeader(output.files.get("regal/contact.created.js")!)[1];
    expect(created).toMatch(/^var contact_created = \{\n {4}attributes: \{\n {8}first_name: "firstName",/);
    expect(created.indexOf("var settings = {")).toBeLessThan(created.indexOf("function "));
    // A mapping whose every field the code leaves unread is written `{}`, not as braces lines apart.
    expect(splitHeader(output.files.get("regal/call.completed.js")!)[1]).toMatch(/^var call_completed = \{\};\n\nvar settings = \{\n {4}identity: \{/);
  });

  test("carries no build-only code or text: no shape names, descriptions, other shapes or other events' settings", () => {
    for (const snippet of output.snippets) {
      const body = splitHeader(snippet.code)[1];
      expect(body, snippet.id).not.toMatch(/\bshape:|describe|mapping table|acronyms|connect:/);
      const foreign = output.snippets.flatMap((other) => other.meta.events).filter((event) => !snippet.meta.events.includes(event));
      for (const event of foreign) expect(body, `${snippet.id} mentions ${event}`).not.toContain(`"${event}"`);
    }
    const completed = output.files.get("regal/call.completed.js")!;
    expect(completed).not.toMatch(/function (toAttributes|tableAttributes|subscriptionChange|catalogItem|router)\b/);
  });

  test("has a header naming its source, destination, settings, version and hash", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const snippet = output.snippets.find((s) => s.id === "regal/call.completed")!;
    const [header, body] = splitHeader(snippet.code);
    const router = output.snippets.find((s) => s.id === "regal/router")!;
    expect(router.code).toMatch(new RegExp(`^// regal/router: Braze Data Transformation routing ${router.meta.events.length} regal events on payload\\.name:\\n//   call\\.analysis\\.available, call\\.completed, `));
    expect(header).toContain('regal/call.completed: Braze Data Transformation for regal "call.completed"');
    expect(header).toContain("// Destination: POST /users/track");
    expect(header).toContain("// Settings baked in from transforms/settings.ts:");
    expect(header).toContain('//   identity: {"identifierOrder":["external_id","email","phone"],"phoneIdentity":{"as":"user_alias","aliasLabel":"phone"}}');
    expect(header).toContain('//   events["call.completed"]: {"brazeEventName":"Call Completed","updateExistingOnly":false}');
    expect(header).toContain(`braze-transforms ${pkg.version}, code sha256 ${sha256(body).slice(0, 16)}`);
    expect(header).toContain("Generated from transforms/regal/call.completed.ts: edit that, not this file.");
  });

  test("inlines only the settings it reads", () => {
    const completed = output.files.get("regal/call.completed.js")!;
    const unsubscribed = output.files.get("regal/contact.unsubscribed.js")!;
    expect(completed).not.toContain("SUBSCRIPTION GROUP ID");
    expect(unsubscribed).toContain('"YOUR VOICE SUBSCRIPTION GROUP ID"');
  });
});

test("the manifest lists every snippet with its events, destination, hash and size", () => {
  const manifest = JSON.parse(output.files.get("manifest.json")!) as { snippets: Record<string, unknown>[] };
  expect(manifest.snippets.map((s) => s.id)).toEqual(output.snippets.map((s) => s.id));
  for (const entry of manifest.snippets) {
    const snippet = output.snippets.find((s) => s.id === entry.id)!;
    expect(entry).toEqual({
      id: snippet.id,
      file: `${snippet.id}.js`,
      source: snippet.meta.source,
      events: snippet.meta.events,
      destination: snippet.meta.destination,
      sha256: sha256(snippet.code),
      bytes: Buffer.byteLength(snippet.code),
    });
  }
  const byId = new Map(manifest.snippets.map((entry) => [entry.id, entry]));
  expect(byId.get("regal/call.completed")).toMatchObject({ events: ["call.completed"], destination: "POST /users/track" });
  expect(byId.get("regal/agent.activity.updated")).toMatchObject({ destination: "PUT /catalogs/{catalog_name}/items" });
  const usersTrack = output.snippets
    .filter((s) => !s.plan.router && s.meta.source === "regal" && s.meta.destination === "POST /users/track")
    .map((s) => s.meta.events[0]);
  expect(byId.get("regal/router")!.events).toEqual(usersTrack);
});

test("the committed dist/ is exactly what the sources build (what every transform test runs)", () => {
  expect(staleFiles(projectAt(ROOT), output.files)).toEqual([]);
});

test("placeholders still in the settings warn, naming the snippets that embed them", () => {
  const users = "regal/contact.subscribed, regal/contact.unsubscribed, regal/router";
  expect(output.warnings).toEqual([
    `settings.sources.regal.subscriptionGroups.voice is still the placeholder "YOUR VOICE SUBSCRIPTION GROUP ID", baked into ${users}: set it in transforms/settings.ts`,
    `settings.sources.regal.subscriptionGroups.sms is still the placeholder "YOUR SMS SUBSCRIPTION GROUP ID", baked into ${users}: set it in transforms/settings.ts`,
  ]);
});

function splitHeader(code: string): [string, string] {
  const end = code.indexOf("\n\n");
  return [code.slice(0, end), code.slice(end + 2)];
}


test("routers are named after their destination", () => {
  expect(routerName("POST /users/track")).toBe("router");
  expect(routerName("PUT /catalogs/{catalog_name}/items")).toBe("router.put-catalogs-items");
  expect(routerName("DELETE /catalogs/{catalog_name}/items")).toBe("router.delete-catalogs-items");
});

test("syntax Braze's engine cannot run fails the snippet at its line in the pasted body, after the build's own edits", async () => {
  const snippet = output.snippets.find((built) => built.id === "regal/call.completed")!;
  // An object spread out over lines (the build writes it `{}`, moving the lines below it up) before syntax newer than the engine's.
  const code = "var unread = {\n\n};\nvar read = (payload) => payload?.call;\nvar transform = read;\n\nexport { transform as default };\n";
  // No source map: what is checked is the code.
  const bundled = { code, map: { version: 3, sources: [], names: [], mappings: "" }, modules: [] } as unknown as Parameters<typeof buildSnippet>[2];
  const context = { project: projectAt(ROOT), packageVersion: "0.0.0", minify: false, syntax: "es2018" as const };
  const body = "var unread = {};\nvar read = (payload) => payload?.call;\nvar transform = read;\n\nreturn transform(payload, headers);\n";
  const problems = snippetProblems(body, "es2018");
  expect(problems).toEqual(["line 2: optional chaining (?.) is es2020 syntax, newer than the engine's es2018"]);
  await expect(buildSnippet(context, snippet.plan, bundled)).rejects.toThrow(`regal/call.completed: the snippet would not run in Braze\n${problems[0]}`);
});
