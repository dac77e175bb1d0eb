import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildProject, type BuildOutput } from "../../build/build";
import { sha256 } from "../../build/header";
import { staleFiles } from "../../build/dist";
import { projectAt } from "../../build/project";
import { snippetProblems } from "../../build/verify-snippet";
import { ROOT } from "../support/dist";

let output: BuildOutput;
beforeAll(async () => {
  output = await buildProject(projectAt(ROOT));
});

describe("each snippet", () => {
  test("is a self-contained function body ending in one top-level return", () => {
    for (const snippet of output.snippets) {
      expect(snippetProblems(snippet.code), snippet.id).toEqual([]);
      expect(snippet.code, snippet.id).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
      expect(snippet.code.trimEnd(), snippet.id).toMatch(/\nreturn \w+\(payload, headers\);$/);
    }
  });

  test("uses no syntax newer than ES2018, even where the TypeScript does", () => {
    const sources = readFileSync(join(ROOT, "transforms/lib/regal/workspace.ts"), "utf8") + readFileSync(join(ROOT, "transforms/lib/values.ts"), "utf8");
    expect(sources).toMatch(/\|\||\?\./);
    for (const snippet of output.snippets) expect(snippet.code, snippet.id).not.toMatch(/\?\.|\?\?/);
  });

  test("has a header naming its source, destination, settings, version and hash", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const snippet = output.snippets.find((s) => s.id === "regal/call.completed")!;
    const [header, body] = splitHeader(snippet.code);
    expect(output.snippets.find((s) => s.id === "regal/router")!.code).toMatch(/^\/\/ regal\/router: Braze Data Transformation routing 39 regal events on payload\.name:\n\/\/   call\.analysis\.available, call\.completed, /);
    expect(header).toContain('regal/call.completed: Braze Data Transformation for regal "call.completed"');
    expect(header).toContain("// Destination: POST /users/track");
    expect(header).toContain("// Settings baked in from transforms/settings.ts:");
    expect(header).toContain('//   events["call.completed"]: {"brazeEventName":"Call Completed","updateExistingOnly":false}');
    expect(header).toContain(`braze-transforms ${pkg.version}, code sha256 ${sha256(body).slice(0, 16)}`);
    expect(header).toContain("Generated from transforms/regal/call.completed.ts: edit that file, not this one.");
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
      source: "regal",
      events: snippet.meta.events,
      destination: snippet.meta.destination,
      sha256: sha256(snippet.code),
      bytes: Buffer.byteLength(snippet.code),
    });
  }
  const byId = new Map(manifest.snippets.map((entry) => [entry.id, entry]));
  expect(byId.get("regal/call.completed")).toMatchObject({ events: ["call.completed"], destination: "POST /users/track" });
  expect(byId.get("regal/agent.activity.updated")).toMatchObject({ destination: "PUT /catalogs/{catalog_name}/items" });
  expect((byId.get("regal/router")!.events as string[]).length).toBe(39);
});

test("the committed dist/ is exactly what the sources build (what every transform test runs)", () => {
  expect(staleFiles(projectAt(ROOT), output.files)).toEqual([]);
});

test("placeholders still in the settings warn, naming the snippets that embed them", () => {
  const users = "regal/contact.subscribed, regal/contact.unsubscribed, regal/router";
  expect(output.warnings).toEqual([
    `settings.subscriptionGroups.voice is still the placeholder "YOUR VOICE SUBSCRIPTION GROUP ID", baked into ${users}: set it in transforms/settings.ts`,
    `settings.subscriptionGroups.sms is still the placeholder "YOUR SMS SUBSCRIPTION GROUP ID", baked into ${users}: set it in transforms/settings.ts`,
  ]);
});

function splitHeader(code: string): [string, string] {
  const end = code.indexOf("\n\n");
  return [code.slice(0, end), code.slice(end + 2)];
}

