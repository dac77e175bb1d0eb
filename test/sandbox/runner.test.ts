import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSnippetRunner, runSnippet, type RunOptions, type RunResult, type SnippetRunner } from "../../sandbox";
import { runnerSandboxModule } from "../../sandbox/runner";
import { readFixtures } from "../../build/fixtures";

const ROOT = join(import.meta.dirname, "..", "..");
const MiB = 1024 * 1024;

/** Everything but the timings and heap counts, which differ by design. */
function comparable(result: RunResult): unknown {
  const { stats, ...rest } = result;
  return { ...rest, outputBytes: stats.outputBytes };
}

const open: SnippetRunner[] = [];
async function openRunner(code: string, options?: RunOptions): Promise<SnippetRunner> {
  const runner = await openSnippetRunner(code, options);
  open.push(runner);
  return runner;
}
afterEach(() => {
  for (const runner of open.splice(0)) runner.dispose();
});

describe("a runner gives runSnippet's results", () => {
  const fixtures = readFixtures(ROOT, { source: "regal" });
  const events = [...new Set(fixtures.map((fixture) => fixture.event))];

  it.each(events)("for every Regal fixture of %s, twice over", async (event) => {
    const code = readFileSync(join(ROOT, "dist", "regal", `${event}.js`), "utf8");
    const cases = fixtures.filter((fixture) => fixture.event === event).map((fixture) => fixture.data);
    expect(cases.length).toBeGreaterThan(0);
    const runner = await openRunner(code);
    const fresh = await Promise.all(cases.map((fixture) => runSnippet(code, fixture.payload, { headers: fixture.headers })));
    for (const pass of [1, 2]) {
      for (const [i, fixture] of cases.entries()) {
        const reused = await runner.run(fixture.payload, { headers: fixture.headers });
        expect(comparable(reused), `pass ${pass}, case ${i}`).toEqual(comparable(fresh[i]!));
      }
    }
  });

  const errorCases: [string, string, RunOptions][] = [
    ["syntax", "const a = 1;\nlet b = ;\nreturn {};", {}],
    ["unbalanced braces", "return {}; }); (function () {", {}],
    ["throw with a line", "const a = 1;\nthrow new TypeError('boom ' + a);", {}],
    ["Error subclass", "class E extends Error {}\nfunction f() { throw new E('x'); }\nf();", {}],
    ["non-Error throw", "throw { code: 7 };", {}],
    ["timeout", "let i = 0;\nwhile (true) i++;", { timeoutMs: 50 }],
    ["out-of-memory", "const rows = [];\nwhile (true) rows.push({ n: rows.length });", { memoryBytes: 16 * MiB }],
    ["stack-overflow", "function down(n) { return down(n + 1) + 1; }\nreturn down(0);", {}],
    ["host stack overflow", "let n = {};\nfor (let i = 0; i < 200000; i++) n = { n };\nreturn { s: JSON.stringify(n).length };", {}],
    ["invalid-output", "return { events: [{ time: undefined }] };", {}],
    ["no-output", "console.log('nothing');\nreturn null;", {}],
    ["output-too-large", "return { s: '€'.repeat(400) };", { maxOutputBytes: 1000 }],
  ];
  it.each(errorCases)("for %s, on every run", async (_name, code, options) => {
    const fresh = comparable(await runSnippet(code, { id: 1 }, options));
    expect(fresh).toMatchObject({ ok: false });
    const runner = await openRunner(code, options);
    // The first run, and one after whatever the first left behind: a recycled runtime, a new instance.
    for (let i = 0; i < 2; i++) expect(comparable(await runner.run({ id: 1 }))).toEqual(fresh);
  });

  it("for a run's own headers and clock, defaulting to the runner's options", async () => {
    const code = "return { source: headers['x-source'] ?? null, now: new Date().toISOString() };";
    const runner = await openRunner(code, { headers: { "x-source": "default" }, now: Date.UTC(2024, 0, 1) });
    expect(await runner.run({})).toMatchObject({ output: { source: "default", now: "2024-01-01T00:00:00.000Z" } });
    const own = await runner.run({}, { headers: { "x-source": "own" }, now: new Date("2023-05-06T07:08:09.000Z") });
    expect(own).toMatchObject({ output: { source: "own", now: "2023-05-06T07:08:09.000Z" } });
    expect(await runner.run({})).toMatchObject({ output: { source: "default", now: "2024-01-01T00:00:00.000Z" } });
  });
});

describe("what persists between runs of one runner", () => {
  const code = [
    "globalThis.count = (globalThis.count ?? 0) + 1;",
    "sloppyCounter = typeof sloppyCounter === 'number' ? sloppyCounter + 1 : 1;",
    "globalThis.firstDate ??= Date;",
    "let declared = payload.n;",
    "console.log('run', count, 'n', declared);",
    "const seen = { count, sloppyCounter, polluted: ({}).polluted ?? null, now: Date.now(), iso: new Date().toISOString(),",
    "  keptDate: new firstDate().toISOString(), headers: Object.keys(headers) };",
    "Object.prototype.polluted = 'by run ' + count;",
    "Date.now = () => 0;",
    "console.log = () => {};",
    "Date = function NotADate() {};",
    "if (payload.hang) for (;;) {}",
    "if (payload.promise) Promise.resolve().then(() => {});",
    "return seen;",
  ].join("\n");

  it("keeps globals, sloppy globals and prototype changes; resets the clock, Date, console and inputs", async () => {
    const runner = await openRunner(code);
    const first = await runner.run({ n: 1 }, { headers: { a: "1" }, now: Date.UTC(2024, 0, 1) });
    expect(first).toMatchObject({
      ok: true,
      logs: ["run 1 n 1"],
      output: { count: 1, sloppyCounter: 1, polluted: null, now: Date.UTC(2024, 0, 1), iso: "2024-01-01T00:00:00.000Z", headers: ["a"] },
    });
    const second = await runner.run({ n: 2 }, { now: Date.UTC(2024, 6, 1) });
    expect(second).toMatchObject({
      ok: true,
      logs: ["run 2 n 2"],
      output: {
        count: 2,
        sloppyCounter: 2,
        polluted: "by run 1",
        now: Date.UTC(2024, 6, 1),
        iso: "2024-07-01T00:00:00.000Z",
        keptDate: "2024-07-01T00:00:00.000Z",
        headers: [],
      },
    });
    // runSnippet always sees the first run's world.
    expect(await runSnippet(code, { n: 2 }, { now: Date.UTC(2024, 6, 1) })).toMatchObject({ output: { count: 1, polluted: null } });
  });

  it("starts from a fresh runtime after a timeout", async () => {
    const runner = await openRunner(code, { timeoutMs: 50 });
    expect(await runner.run({ n: 1 })).toMatchObject({ output: { count: 1 } });
    expect(await runner.run({ n: 2, hang: true })).toMatchObject({ ok: false, error: { kind: "timeout" }, logs: ["run 2 n 2"] });
    expect(await runner.run({ n: 3 })).toMatchObject({ ok: true, logs: ["run 1 n 3"], output: { count: 1, polluted: null } });
  });

  it("starts from a fresh runtime after a run that left promise jobs queued", async () => {
    const runner = await openRunner(code);
    expect(await runner.run({ n: 1, promise: true })).toMatchObject({ output: { count: 1 } });
    expect(await runner.run({ n: 2 })).toMatchObject({ output: { count: 1 } });
    expect(await runner.run({ n: 3 })).toMatchObject({ output: { count: 2 } });
  });
});

describe("instances given back", () => {
  const code = [
    "const polluted = Object.keys(Object.prototype).length;",
    "globalThis.count = (globalThis.count ?? 0) + 1;",
    "Object.prototype.polluted = true;",
    "return { count, polluted };",
  ].join("\n");

  it("a disposed runner's instance serves the next runner, with nothing of its runtime left", async () => {
    const first = await openSnippetRunner(code);
    await first.run({});
    expect(await first.run({})).toMatchObject({ ok: true, output: { count: 2, polluted: 1 } });
    const instance = runnerSandboxModule(first);
    first.dispose();
    const next = await openRunner(code);
    expect(runnerSandboxModule(next)).toBe(instance);
    expect(await next.run({})).toMatchObject({ ok: true, output: { count: 1, polluted: 0 } });
  });

  it("a discarded instance is never given back", async () => {
    const first = await openSnippetRunner(code);
    const instance = runnerSandboxModule(first)!;
    instance.discard();
    first.dispose();
    const next = await openRunner(code);
    expect(runnerSandboxModule(next)).not.toBe(instance);
    expect(await next.run({})).toMatchObject({ ok: true, output: { count: 1 } });
  });
});

describe("recovery", () => {
  const code = [
    "if (payload.mode === 'loop') for (;;) {}",
    "if (payload.mode === 'alloc') { const rows = []; while (true) rows.push(new Array(1000).fill(rows.length)); }",
    "if (payload.mode === 'recurse') { const f = (n) => f(n + 1) + 1; f(0); }",
    "if (payload.mode === 'native') { let n = {}; for (let i = 0; i < 50000; i++) n = [n]; JSON.stringify(n); }",
    "globalThis.runs = (globalThis.runs ?? 0) + 1;",
    "return { events: [{ external_id: payload.id, name: 'ok', time: new Date(), runs }] };",
  ].join("\n");
  // Room for the allocation to hit the cap well before the deadline, even on a loaded machine.
  const options: RunOptions = { timeoutMs: 300, memoryBytes: 8 * MiB };
  const failures = [
    ["loop", "timeout"],
    ["alloc", "out-of-memory"],
    ["recurse", "stack-overflow"],
    ["native", "stack-overflow"],
  ] as const;

  it.each(failures)("after %s (%s) the next run is unaffected", async (mode, kind) => {
    const runner = await openRunner(code, options);
    const instance = runnerSandboxModule(runner);
    const failed = await runner.run({ mode, id: "u-0" });
    expect(comparable(failed)).toEqual(comparable(await runSnippet(code, { mode, id: "u-0" }, options)));
    expect(failed).toMatchObject({ ok: false, error: { kind } });
    for (let i = 1; i <= 3; i++) {
      const healthy = await runner.run({ id: `u-${i}` });
      expect(healthy).toMatchObject({ ok: true, output: { events: [{ external_id: `u-${i}`, time: "2025-01-01T00:00:00.000Z", runs: i }] } });
    }
    // A trap unwinding through wasm costs the instance, and so does a heap grown to the cap (wasm
    // memory never shrinks); the runner then loads another. Otherwise a fresh runtime suffices.
    const replaced = mode === "native" || mode === "alloc";
    expect(runnerSandboxModule(runner) === instance).toBe(!replaced);
    expect(instance?.discarded).toBe(replaced);
  });

  it("survives every failure in a row, interleaved with runs that must succeed", async () => {
    const runner = await openRunner(code, options);
    for (const [mode, kind] of [...failures, ...failures]) {
      expect(await runner.run({ mode, id: "x" })).toMatchObject({ ok: false, error: { kind } });
      expect(await runner.run({ id: "y" })).toMatchObject({ ok: true, output: { events: [{ external_id: "y", runs: 1 }] } });
    }
  });

  it("serializes concurrent runs, each with its own payload, across a lost instance", async () => {
    const runner = await openRunner(code, options);
    const payloads = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? { mode: "native", id: `n${i}` } : { id: `u${i}` }));
    const results = await Promise.all(payloads.map((payload) => runner.run(payload)));
    results.forEach((result, i) => {
      if (i % 4 === 3) expect(result).toMatchObject({ ok: false, error: { kind: "stack-overflow" } });
      else expect(result).toMatchObject({ ok: true, output: { events: [{ external_id: `u${i}` }] } });
    });
  });

  it("rejects runs after dispose, and a payload that is not JSON as a caller bug", async () => {
    const runner = await openRunner(code);
    await expect(runner.run(undefined)).rejects.toThrow(/SnippetRunner.run: payload is not JSON-serializable/);
    await expect(runner.run({ id: 1 }, { now: Number.NaN })).rejects.toThrow(/now must be a valid Date/);
    expect(await runner.run({ id: "still fine" })).toMatchObject({ ok: true });
    runner.dispose();
    runner.dispose();
    await expect(runner.run({ id: 1 })).rejects.toThrow(/disposed/);
    expect(runnerSandboxModule(runner)).toBeUndefined();
  });
});

