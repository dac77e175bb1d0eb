import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { collectCoverage } from "../../build/coverage/collect";
import { FUNCTION_BODY_OPENING } from "../../sandbox/errors";
import type { Fixture } from "../../build/fixtures";
import type { ManifestSnippet } from "../../build/manifest";
import { projectAt } from "../../build/project";

/* The collector on hand-written snippets in a bare project: no build needed for how runs end. */
const root = mkdtempSync(join(tmpdir(), "bdt-collect-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = projectAt(root);

function snippet(event: string, code: string): ManifestSnippet {
  const file = `shop/${event}.js`;
  mkdirSync(dirname(join(project.distDir, file)), { recursive: true });
  writeFileSync(join(project.distDir, file), code);
  return { id: `shop/${event}`, file, source: "shop", events: [event], destination: "POST /users/track", sha256: "", bytes: code.length };
}

const fixture = (event: string, name: string, payload: unknown): Fixture => ({
  source: "shop",
  event,
  name,
  path: join(root, "test/fixtures/shop", event, `${name}.json`),
  data: { payload },
});

test("a run that throws, even a thrown null, still counts the code it ran; the clock is the sandbox's", async () => {
  const code = '// header\nif (payload.kind === "null") throw null;\nif (new Date().toISOString() !== "2025-01-01T00:00:00.000Z") throw new Error("clock");\nreturn { ok: 1 };';
  const fixtures = [fixture("order.paid", "null", { kind: "null" }), fixture("order.paid", "ok", { kind: "ok" })];
  const [counted] = await collectCoverage(project, [snippet("order.paid", code)], fixtures);
  const body = counted!.functions.find((fn) => fn.ranges[0]!.count === fixtures.length);
  expect(body, JSON.stringify(counted!.functions)).toBeDefined();
  const text = (range: { startOffset: number; endOffset: number }) =>
    code.slice(range.startOffset - FUNCTION_BODY_OPENING.length, range.endOffset - FUNCTION_BODY_OPENING.length).trim();
  expect(body!.ranges.filter((range) => range.count === 0).map(text)).toEqual(['throw new Error("clock");']);
  expect(body!.ranges.filter((range) => range.count === 1).map(text)).toEqual([expect.stringMatching(/^throw null;/), "return { ok: 1 };"]);
});

test("a fixture the snippet never finishes stops the run with one line naming both", async () => {
  await expect(collectCoverage(project, [snippet("order.looped", "while (true) {}")], [fixture("order.looped", "forever", {})])).rejects.toThrow(
    /^test\/fixtures\/shop\/order\.looped\/forever\.json: shop\/order\.looped ran past 1000 ms$/,
  );
});

test("a fixture no snippet handles stops the run, naming it", async () => {
  await expect(collectCoverage(project, [snippet("order.paid", "return {};")], [fixture("order.lost", "x", {})])).rejects.toThrow(
    "test/fixtures/shop/order.lost/x.json: no snippet in dist/manifest.json handles shop/order.lost: run npm run build",
  );
});
