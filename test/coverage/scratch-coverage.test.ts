import { execFile } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import libCoverage, { type CoverageMap, type CoverageMapData } from "istanbul-lib-coverage";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCoverage } from "../../build/coverage/coverage";
import { REPORT_FILES } from "../../build/coverage/report";
import type { Io } from "../../build/cli/io";
import { bdt } from "../cli/bdt";
import { ROOT } from "../support/dist";
import { FIXTURES } from "../support/fixtures";
import { scratchProject } from "../support/scratch-project";

/*
 * A scratch copy whose Regal envelope gains an if/else that one fixture
 * reaches only the if of: the report must show the else as missed, at its
 * TypeScript line, and the branch as half taken.
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());

const ENVELOPE = "transforms/regal/lib/envelope.ts";
const PROBE = `    if (body.probe === "if") {
      body.probe_seen = "if"; // probe: if
    } else {
      body.probe_seen = "else"; // probe: else
    }
`;
const CASES = "test/fixtures/regal/contact.unsubscribed";
const REPORTS = join(scratch.root, "coverage");

let envelopeText: string;
let coverage: CoverageMap;
let out: string[];

beforeAll(async () => {
  const original = readFileSync(join(scratch.root, ENVELOPE), "utf8");
  envelopeText = original.replace("  read(body) {\n", `  read(body) {\n${PROBE}`);
  expect(envelopeText).not.toBe(original);
  scratch.write(ENVELOPE, envelopeText);
  const fixture = JSON.parse(readFileSync(join(FIXTURES, "regal/contact.unsubscribed/sms-channel.json"), "utf8")) as { payload: Record<string, unknown> };
  scratch.write(`${CASES}/probe-if.json`, JSON.stringify({ payload: { ...fixture.payload, probe: "if" } }));
  const built = await bdt(["build"], { cwd: scratch.root });
  expect(built.code, built.err.join("\n")).toBe(0);
  ({ coverage, out } = await measure());
}, 60_000);

async function measure(): Promise<{ coverage: CoverageMap; out: string[] }> {
  const lines: string[] = [];
  const io: Io = { out: (line) => lines.push(line), err: (line) => lines.push(`err: ${line}`), cwd: scratch.root, stdin: async () => "" };
  return { coverage: await runCoverage(scratch.project, REPORTS, io), out: lines };
}

/** The 1-based line of the envelope holding `marker`. */
const lineOf = (marker: string) => envelopeText.slice(0, envelopeText.indexOf(marker)).split("\n").length;

test("the branch a fixture takes is covered and the one it never takes is not, at the TypeScript lines", () => {
  const envelope = coverage.fileCoverageFor(join(scratch.root, ENVELOPE));
  const lines = envelope.getLineCoverage();
  expect(lines[lineOf("// probe: if")]).toBeGreaterThan(0);
  expect(lines[lineOf("// probe: else")]).toBe(0);

  const probe = Object.entries(envelope.branchMap).find(([, branch]) => branch.loc.start.line === lineOf('if (body.probe === "if")'));
  expect(probe?.[1].type).toBe("if");
  const [taken, missed] = envelope.b[probe![0]]!;
  expect(taken).toBeGreaterThan(0);
  expect(missed).toBe(0);
  expect(envelope.toSummary().branches.pct).toBeLessThan(100);
});

test("the text table names the else line among the envelope's uncovered lines, and a summary line follows", () => {
  const row = out.find((line) => /^\s*envelope\.ts\s*\|/.test(line));
  expect(row, out.join("\n")).toBeDefined();
  const uncovered = row!.split("|").pop()!.trim().split(",").flatMap(expandRange);
  expect(uncovered).toContain(lineOf("// probe: else"));
  expect(uncovered).not.toContain(lineOf("// probe: if"));
  expect(out.at(-1)).toMatch(/^coverage: lines [\d.]+% \(\d+\/\d+\), branches [\d.]+% \(\d+\/\d+\) in \d+ transforms\/ files \(fixtures: 1, snippets: \d+\); reports in coverage\/: lcov\.info, /);
});

test("lcov.info (relative paths), coverage-final.json (absolute) and the HTML pages carry the missed line", () => {
  const lcov = readFileSync(join(REPORTS, REPORT_FILES.lcov), "utf8");
  const record = lcov.split("end_of_record").find((part) => part.includes(`SF:${ENVELOPE}\n`));
  expect(record).toContain(`\nDA:${lineOf("// probe: else")},0\n`);
  expect(record).toMatch(new RegExp(`\\nDA:${lineOf("// probe: if")},[1-9]\\d*\\n`));
  const json = libCoverage.createCoverageMap(JSON.parse(readFileSync(join(REPORTS, REPORT_FILES.json), "utf8")) as CoverageMapData);
  expect(json.files().sort()).toEqual(coverage.files().sort());
  expect(json.fileCoverageFor(join(scratch.root, ENVELOPE)).getLineCoverage()[lineOf("// probe: else")]).toBe(0);
  const pages = readdirSync(dirname(join(REPORTS, REPORT_FILES.html)), { recursive: true, encoding: "utf8" });
  const page = pages.find((path) => path.endsWith(`${basename(ENVELOPE)}.html`));
  expect(page, pages.join(", ")).toBeDefined();
  expect(readFileSync(join(dirname(join(REPORTS, REPORT_FILES.html)), page!), "utf8")).toMatch(/<span class="cstat-no"[^>]*>\s*body\.probe_seen = "else"/);
});

test("only transforms/ sources are reported: not contract/limits.ts, whose constants snippets inline too", () => {
  expect(coverage.files().length).toBeGreaterThan(0);
  for (const file of coverage.files()) expect(file.startsWith(join(scratch.root, "transforms") + "/"), file).toBe(true);
});

test("a fixture that is not JSON stops the run with one line naming it and where", async () => {
  scratch.write(`${CASES}/broken.json`, '{ "payload": { "name": "contact.unsubscribed", } }\n');
  try {
    await expect(measure()).rejects.toThrow(/^test\/fixtures\/regal\/contact\.unsubscribed\/broken\.json: not valid JSON: .* at line 1 column \d+$/);
  } finally {
    rmSync(join(scratch.root, CASES, "broken.json"));
  }
});

test("a snippet without its source map stops the run, naming it", async () => {
  const map = join(scratch.root, "dist/regal/contact.unsubscribed.js.map");
  renameSync(map, `${map}.moved`);
  try {
    await expect(measure()).rejects.toThrow("dist/regal/contact.unsubscribed.js has no source map (dist/regal/contact.unsubscribed.js.map): run npm run build");
  } finally {
    renameSync(`${map}.moved`, map);
  }
});

test("npm run coverage refuses a dist/ older than its sources: one line, exit 1", async () => {
  scratch.write(ENVELOPE, `${envelopeText}// edited after the build\n`);
  try {
    const run = promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "build/coverage/run.ts")], { cwd: scratch.root });
    const failed = await run.then(() => undefined, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe("");
    expect(failed?.stderr).toBe(`error: dist/ is stale against ${ENVELOPE}: run npm run build\n`);
  } finally {
    scratch.write(ENVELOPE, envelopeText);
  }
});

/** "12-14" → [12, 13, 14]; "7" → [7]. */
function expandRange(range: string): number[] {
  const [first, last = first] = range.split("-").map(Number);
  return Array.from({ length: last! - first! + 1 }, (_, i) => first! + i);
}
