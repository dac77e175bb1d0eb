import { describe, expect, it } from "vitest";
import { runSnippet, type ErrorKind, type RunOptions } from "../../sandbox";

const MiB = 1024 * 1024;

const failures: [ErrorKind, string, RunOptions][] = [
  ["syntax", "return {", {}],
  ["throw", "throw new RangeError('nope');", {}],
  ["timeout", "for (;;) {}", { timeoutMs: 50 }],
  ["out-of-memory", "const rows = [];\nwhile (true) rows.push('row ' + rows.length);", { memoryBytes: 16 * MiB }],
  ["out-of-memory", "const rows = [];\nwhile (true) rows.push({ n: rows.length });", { memoryBytes: 16 * MiB }],
  ["stack-overflow", "const f = () => f();\nreturn f();", {}],
  ["stack-overflow", "return { depth: JSON.parse('['.repeat(100000) + ']'.repeat(100000)).length };", {}],
  ["invalid-output", "const o = {};\no.o = o;\nreturn o;", {}],
  ["no-output", "return;", {}],
  ["output-too-large", "return { s: 'x'.repeat(5000) };", { maxOutputBytes: 1000 }],
];

describe("host health after each failure kind", () => {
  it.each(failures)("%s, then a normal run with the same options still succeeds", async (kind, code, options) => {
    const failed = await runSnippet(code, {}, options);
    expect(failed.ok ? "ok" : failed.error.kind).toBe(kind);

    const healthy = await runSnippet("return { attributes: [{ external_id: payload.id, at: new Date() }] };", { id: "u-1" }, options);
    expect(healthy).toMatchObject({ ok: true, output: { attributes: [{ external_id: "u-1", at: "2025-01-01T00:00:00.000Z" }] } });
  });

  it("runs snippets started together with ones that trap or exhaust the shared instance", async () => {
    const breakers = [
      "let n = [];\nfor (let i = 0; i < 50000; i++) n = [n];\nreturn { s: JSON.stringify(n).length };",
      "const rows = [];\nwhile (true) rows.push({ n: rows.length });",
    ];
    const options = { memoryBytes: 16 * MiB };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runSnippet(i % 3 === 0 ? breakers[(i / 3) % 2]! : i % 2 ? "throw null;" : "return { i: payload.i };", { i }, options),
      ),
    );
    results.forEach((result, i) => {
      if (i % 3 === 0) expect(result).toMatchObject({ ok: false, error: { kind: (i / 3) % 2 ? "out-of-memory" : "stack-overflow" } });
      else if (i % 2) expect(result).toMatchObject({ ok: false, error: { kind: "throw", message: "threw a non-Error value: null" } });
      else expect(result).toMatchObject({ ok: true, output: { i } });
    });
  });

  it("runs concurrently started snippets independently", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runSnippet(i % 2 ? "throw new Error('odd');" : "return { i: payload.i };", { i })),
    );
    results.forEach((result, i) => {
      if (i % 2) expect(result.ok).toBe(false);
      else expect(result).toMatchObject({ ok: true, output: { i } });
    });
  });
});
