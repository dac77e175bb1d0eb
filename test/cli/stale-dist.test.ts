import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { projectAt } from "../../build/project";
import { stampDist } from "../../build/source-inputs";
import { bdt } from "./bdt";

/*
 * A project with a built snippet and template, its sources recorded as
 * built: editing a source (without building) must make bdt refuse what
 * dist/ holds, with one line naming the source, and only what dist/ holds.
 */
let root: string;
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
const SNIPPET = 'return { events: [{ external_id: "1", name: "Order Placed", time: "2024-01-01T00:00:00Z" }] };';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bdt-stale-"));
  write("transforms/acme/order.placed.ts", "export default {};\n");
  write("dist/acme/order.placed.js", SNIPPET);
  write("dist/webhooks/acme/hello.json", JSON.stringify({ id: "acme/hello", partner: "acme", method: "POST", url: "https://example.com", headers: {}, body: "{}" }));
  write("dist/manifest.json", JSON.stringify({
    snippets: [{ id: "acme/order.placed", file: "acme/order.placed.js", events: ["order.placed"], destination: "POST /users/track" }],
    webhooks: [{ id: "acme/hello", file: "webhooks/acme/hello.json" }],
  }));
  write("payload.json", "{}");
  write("profile.json", '{ "user_id": "u-1" }');
  stampDist(projectAt(root));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const STALE = "error: dist/ is stale against transforms/acme/order.placed.ts: run npm run build";

test("bdt run refuses a built snippet, by id or by its file in dist/, once a source changed", async () => {
  expect((await bdt(["run", "acme/order.placed", "payload.json"], { cwd: root })).code).toBe(0);
  write("transforms/acme/order.placed.ts", "export default { changed: true };\n");
  expect(await bdt(["run", "acme/order.placed", "payload.json"], { cwd: root })).toEqual({ code: 1, out: [], err: [STALE] });
  expect(await bdt(["run", "dist/acme/order.placed.js", "payload.json"], { cwd: root })).toEqual({ code: 1, out: [], err: [STALE] });
});

test("bdt run still runs a snippet file outside dist/: no source of this project built it", async () => {
  write("transforms/acme/order.placed.ts", "export default { changed: true };\n");
  write("draft.js", SNIPPET);
  expect((await bdt(["run", "draft.js", "payload.json"], { cwd: root })).code).toBe(0);
});

test("bdt render refuses a built template once a source changed", async () => {
  write("transforms/acme/order.placed.ts", "export default { changed: true };\n");
  expect(await bdt(["render", "acme/hello", "--user", "profile.json"], { cwd: root })).toEqual({ code: 1, out: [], err: [STALE] });
  write("draft.json", JSON.stringify({ id: "x/draft", partner: "x", method: "POST", url: "https://example.com", headers: {}, body: "{}" }));
  expect((await bdt(["render", "draft.json", "--user", "profile.json"], { cwd: root })).code).toBe(0);
});
