import { describe, expect, test } from "vitest";
import { openSnippetRunner, runSnippet, type RunResult } from "../../sandbox";

/** What a run gave, without the measurements that differ by engine by design. */
function verdict(result: RunResult) {
  return result.ok ? { ok: true, output: result.output, logs: result.logs } : { ok: false, kind: result.error.kind, name: result.error.name, line: result.error.line, logs: result.logs };
}

const CASES: Record<string, string> = {
  "an output, with payload, headers, the frozen clock and the console": "console.log('seen', payload.n, { a: 1 });\nreturn { n: payload.n, h: headers['X-A'], at: new Date(), now: Date.now() };",
  "a throw, at its line": "var a = 1;\nfunction fail() {\n  throw new TypeError('boom ' + a);\n}\nfail();",
  "a syntax error, at its line": "var a = 1;\nvar b = ;\nreturn {};",
  "a non-Error throw": "throw { code: 7 };",
  "no output": "return undefined;",
  "an output JSON cannot hold": "return { a: undefined };",
  "a function body closed early": "return {}; }); (function () {",
  "a thrown value whose getter throws": "throw { get message() { throw new Error('gotcha'); } };",
};

describe("the v8 engine gives the verdict QuickJS gives", () => {
  test.each(Object.entries(CASES))("%s", async (_name, code) => {
    const options = { headers: { "X-A": "b" } };
    const [quickjs, v8] = [await runSnippet(code, { n: 1 }, options), await runSnippet(code, { n: 1 }, { ...options, engine: "v8" })];
    expect(verdict(v8)).toEqual(verdict(quickjs));
  });

  test("a runaway loop stops at the time limit, a runaway recursion at V8's stack", async () => {
    const loop = await runSnippet("for (;;) {}", {}, { engine: "v8", timeoutMs: 50 });
    expect(loop.ok || loop.error).toEqual({ kind: "timeout", message: "exceeded the 50 ms time limit" });
    const recursion = await runSnippet("function down(n) { return down(n + 1) + 1; }\nreturn down(0);", {}, { engine: "v8" });
    expect(recursion.ok || recursion.error).toEqual({ kind: "stack-overflow", message: "exceeded V8's call stack (runaway recursion?)", line: 1, column: expect.any(Number) });
  });

  test("a thrown value whose getter never returns is cut off, not waited for", async () => {
    const hanging = await runSnippet("throw { get message() { for (;;) {} } };", {}, { engine: "v8" });
    expect(hanging.ok || hanging.error.message).toBe("threw a non-Error value: a value that could not be inspected");
  });

  test("a runner keeps the snippet's globals between runs and starts afresh after a timeout", async () => {
    const runner = await openSnippetRunner("globalThis.runs = (globalThis.runs || 0) + 1;\nif (payload.spin) for (;;) {}\nreturn { runs: globalThis.runs };", { engine: "v8", timeoutMs: 50 });
    expect(verdict(await runner.run({}))).toMatchObject({ output: { runs: 1 } });
    expect(verdict(await runner.run({}))).toMatchObject({ output: { runs: 2 } });
    expect(verdict(await runner.run({ spin: true }))).toMatchObject({ kind: "timeout" });
    expect(verdict(await runner.run({}))).toMatchObject({ output: { runs: 1 } });
    runner.dispose();
    await expect(runner.run({})).rejects.toThrow(/disposed/);
  });

  test("promise jobs the snippet queues never reach the host's queue", async () => {
    const result = await runSnippet("Promise.resolve().then(() => { globalThis.ran = true; });\nreturn { ok: true };", {}, { engine: "v8" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(result.ok).toBe(true);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  test("an unknown engine is refused by name", async () => {
    await expect(runSnippet("return {};", {}, { engine: "rhino" as never })).rejects.toThrow("runSnippet: engine must be one of quickjs, v8, got rhino");
  });
});
