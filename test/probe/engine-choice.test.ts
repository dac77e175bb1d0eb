import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { engineToRun, OBSERVED_ENGINE_FILE, readObservedEngine } from "../../build/observed-engine";
import { syntaxProbes } from "../../probe/engine/probes";
import { ENGINE_PROFILES, syntaxYear } from "../../sandbox";
import { bdt } from "../cli/bdt";
import { ROOT } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { probeOutputsOf } from "./engine-outputs";

const savedEnv = process.env.BDT_ENGINE;
afterEach(() => {
  if (savedEnv === undefined) delete process.env.BDT_ENGINE;
  else process.env.BDT_ENGINE = savedEnv;
});

/** A directory holding only the recorded engine, which is all `--save` and the engine choice read. */
function recordedEngineCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "bdt-engine-"));
  mkdirSync(join(root, "contract/observed"), { recursive: true });
  cpSync(join(ROOT, OBSERVED_ENGINE_FILE), join(root, OBSERVED_ENGINE_FILE));
  return root;
}

test("--save records the matching profile, the newest syntax Braze compiled and Intl; the engine choice follows it", async () => {
  const root = recordedEngineCopy();
  const outputs = await probeOutputsOf("v8");
  const compared = await bdt(["probe", "compare", ...outputs, "--save"], { cwd: root });
  expect(compared.code, compared.err.join("\n")).toBe(0);
  const compiled = syntaxProbes().filter((probe) => syntaxYear(probe.level) <= syntaxYear(ENGINE_PROFILES.v8.syntax)).map((probe) => probe.level);
  expect(readObservedEngine(root)).toEqual({
    profile: "v8",
    syntax: compiled.at(-1),
    intl: true,
    probed: { on: new Date().toISOString().slice(0, 10), differences: 0, syntaxProbes: compiled },
  });
  expect(compared.out.at(-2)).toBe(`Braze behaves like v8. Recorded in ${OBSERVED_ENGINE_FILE}: engine v8, syntax up to ${compiled.at(-1)}, Intl allowed.`);
  delete process.env.BDT_ENGINE;
  expect(engineToRun(root, undefined, "BDT_ENGINE")).toBe("v8");

  const withoutSyntax = await bdt(["probe", "compare", outputs[0]!, "--save"], { cwd: root });
  expect(withoutSyntax.code).toBe(0);
  expect(readObservedEngine(root).syntax, "no syntax probe given: only what Braze's own templates prove").toBe("es2018");
});

test("a recorded engine file that is not one is refused in one line", () => {
  const root = recordedEngineCopy();
  writeFileSync(join(root, OBSERVED_ENGINE_FILE), JSON.stringify({ profile: "spidermonkey" }));
  expect(() => readObservedEngine(root)).toThrow(/^contract\/observed\/javascript-engine\.json: profile: /);
});

test("bdt run takes --engine, else BDT_ENGINE, else the recorded engine, and names unknown ones", async () => {
  const fixture = discoverFixtures().find((candidate) => candidate.data.expected !== undefined && candidate.data.error === undefined)!;
  const run = (...extra: string[]) => bdt(["run", `${fixture.source}/${fixture.event}`, fixture.path, "--json", ...extra]);
  const recorded = readObservedEngine(ROOT).profile;
  expect(JSON.parse((await run()).out[0]!).engine).toBe(recorded);
  const v8 = JSON.parse((await run("--engine", "v8")).out[0]!);
  const quickjs = JSON.parse((await run("--engine", "quickjs")).out[0]!);
  expect(v8.engine).toBe("v8");
  expect(v8.output, "the same snippet on the same payload gives the same request in both engines").toEqual(quickjs.output);
  process.env.BDT_ENGINE = "v8";
  expect(JSON.parse((await run()).out[0]!).engine).toBe("v8");
  const unknown = await run("--engine", "spidermonkey");
  expect(unknown.code).toBe(2);
  expect(unknown.err[0]).toBe('bdt: --engine: no engine "spidermonkey": one of quickjs, v8');
  process.env.BDT_ENGINE = "rhino";
  expect((await run()).err[0]).toBe('bdt: BDT_ENGINE: no engine "rhino": one of quickjs, v8');
});

test("the recorded engine file the repository ships parses", () => {
  expect(() => JSON.parse(readFileSync(join(ROOT, OBSERVED_ENGINE_FILE), "utf8"))).not.toThrow();
  expect(readObservedEngine(ROOT).profile in ENGINE_PROFILES).toBe(true);
});
