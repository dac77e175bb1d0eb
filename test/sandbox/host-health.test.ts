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
