import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { snippetProblems } from "../../build/verify-snippet";
import { validateRequest } from "../../contract/validate";
import { engineProbe, syntaxFact, syntaxProbes } from "../../probe/engine/probes";
import { ENGINE_NAMES, ENGINE_PROFILES, runSnippet, syntaxYear } from "../../sandbox";
import { bdt } from "../cli/bdt";
import { ROOT } from "../support/dist";
import { expectGoldenText } from "../support/golden-text";
import { probeOutputsOf } from "./engine-outputs";

describe.each(ENGINE_NAMES)("in %s", (engine) => {
  test("the engine probe returns a valid /users/track request, and compares equal to itself", async () => {
    const ran = await runSnippet(engineProbe(), {}, { engine, headers: { "Content-Type": "application/json" } });
    if (!ran.ok) expect.fail(ran.error.message);
    expect(validateRequest(ran.output, "POST /users/track")).toEqual({ valid: true });
    const compared = await bdt(["probe", "compare", ...(await probeOutputsOf(engine)), "--json"]);
    expect(compared.code, compared.err.join("\n")).toBe(0);
    const report = JSON.parse(compared.out[0]!) as { matches: string; profiles: { engine: string; differences: unknown[] }[] };
    expect(report.matches).toBe(engine);
    expect(report.profiles.find((profile) => profile.engine === engine)!.differences).toEqual([]);
  });

  test(`compiles exactly the syntax probes up to its declared level (${ENGINE_PROFILES[engine].syntax})`, async () => {
    for (const probe of syntaxProbes()) {
      const ran = await runSnippet(probe.code, {}, { engine });
      const compiles = ran.ok && (ran.output as { events: { properties: Record<string, unknown> }[] }).events[0]!.properties[syntaxFact(probe.level)] === true;
      expect(compiles, probe.level).toBe(syntaxYear(probe.level) <= syntaxYear(ENGINE_PROFILES[engine].syntax));
    }
  });
});

test("the engine probe pastes into an ES2018 engine: it uses no newer syntax", () => {
  expect(snippetProblems(engineProbe(), "es2018")).toEqual([]);
});

test("compare on V8's output lists the known QuickJS/V8 differences and nothing else", async () => {
  const compared = await bdt(["probe", "compare", ...(await probeOutputsOf("v8"))]);
  expect(compared.code, compared.err.join("\n")).toBe(0);
  expect(compared.out.some((line) => line.startsWith("v8: matches Braze"))).toBe(true);
  const quickjs = compared.out.slice(compared.out.findIndex((line) => line.startsWith("quickjs:")), compared.out.indexOf("measured, not compared:"));
  expectGoldenText(join(ROOT, "test/probe/goldens/quickjs-vs-v8.txt"), `${quickjs.join("\n")}\n`);
});

test("header names Braze passes in another case show as a difference from bdt serve's Title-Case", async () => {
  const lower = { "content-type": "application/json", "cf-ray": "8f1e" };
  const compared = await bdt(["probe", "compare", ...(await probeOutputsOf("v8", lower)), "--json"]);
  const report = JSON.parse(compared.out[0]!) as { matches: string | null; profiles: { differences: { fact: string; braze: unknown }[] }[] };
  expect(compared.code).toBe(1);
  expect(report.matches).toBeNull();
  expect(report.profiles[0]!.differences.filter((difference) => difference.fact.startsWith("headers."))).toEqual([
    { fact: "headers.key_case", braze: "lower", local: "title" },
    { fact: "headers.keys", braze: "cf-ray,content-type", local: "Cf-Ray,Content-Type" },
  ]);
});

test("a syntax level whose output is not given is neither compared nor assumed", async () => {
  const [engineOutput] = await probeOutputsOf("v8");
  const compared = await bdt(["probe", "compare", engineOutput!]);
  expect(compared.code).toBe(0);
  expect(compared.out[0]).toBe(`syntax levels not probed in Braze (no output given): ${syntaxProbes().map((probe) => probe.level).join(", ")}`);
});

describe("bad input gets one line naming the file and what is wrong", () => {
  test.each([
    ["not JSON", "{ nope", /^error: .*bad\.json: not valid JSON/],
    ["another request", JSON.stringify({ events: [{ name: "call_completed", properties: {} }] }), /no "bdt_engine_probe" event with properties/],
    ["not a request", JSON.stringify([1, 2]), /expected a \/users\/track request with an "events" array/],
    ["an older probe", JSON.stringify({ events: [{ name: "bdt_engine_probe", properties: { probe: "bdt engine probe 0" } }] }), /made by "bdt engine probe 0", this bdt's probe is "bdt engine probe 1"/],
    ["only a syntax probe", JSON.stringify({ events: [{ name: "bdt_engine_probe", properties: { probe: "bdt syntax probe 1", "syntax.es2019": true } }] }), /is the engine probe's output/],
  ])("%s", async (_name, text, message) => {
    const file = join(tempDir(), "bad.json");
    writeFileSync(file, text);
    const compared = await bdt(["probe", "compare", file]);
    expect(compared.code).toBe(1);
    expect(compared.err).toHaveLength(1);
    expect(compared.err[0]).toMatch(message);
  });

  test("usage mistakes exit 2", async () => {
    expect((await bdt(["probe", "compare"])).code).toBe(2);
    expect((await bdt(["probe", "compare", "missing.json"])).err[0]).toBe("bdt: file not found: missing.json");
    const unknown = await bdt(["probe", "--syntax", "es1999"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/no probe for "es1999": one of es2019, /);
  });
});

test("bdt probe prints the engine probe; --syntax one level's; --out writes them all", async () => {
  expect((await bdt(["probe"])).out.join("\n")).toBe(engineProbe().trimEnd());
  const level = syntaxProbes()[0]!;
  expect((await bdt(["probe", "--syntax", level.level])).out.join("\n")).toBe(level.code.trimEnd());
  const dir = tempDir();
  const written = await bdt(["probe", "--out", dir]);
  expect(written.code).toBe(0);
  expect(readFileSync(join(dir, "engine-probe.js"), "utf8")).toBe(engineProbe());
  for (const probe of syntaxProbes()) expect(readFileSync(join(dir, `syntax-${probe.level}.js`), "utf8")).toBe(probe.code);
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "bdt-probe-test-"));
}
