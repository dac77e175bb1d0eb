import { expect, it } from "vitest";
import { openSnippetRunner, runSnippet, type RunResult } from "../../sandbox";

/** Everything but the wall time. */
function comparable(result: RunResult) {
  return { ...result, stats: { ...result.stats, durationMs: 0 } };
}

const snippets = [
  "console.log('seen', payload.id);\nreturn { attributes: [{ external_id: payload.id, at: new Date() }] };",
  "class MissingIdentityError extends Error {}\nthrow new MissingIdentityError('no id');",
  "let total = 0;\nfor (let i = 0; i < 200000; i++) total += i;\nreturn { total };",
  "return {",
];

it("a prepared runtime gives what a runtime built for the run gives, stats included", async () => {
  for (const code of snippets) {
    const prepared = await runSnippet(code, { id: "u-1" });
    // A runner's first run compiles the snippet in a runtime built for it.
    const runner = await openSnippetRunner(code);
    const built = await runner.run({ id: "u-1" });
    runner.dispose();
    // Its second run compiles it on its own to keep a copy, its third starts from that copy.
    const again = [await runSnippet(code, { id: "u-1" }), await runSnippet(code, { id: "u-1" })];
    expect(comparable(built)).toEqual(comparable(prepared));
    for (const run of again) expect(comparable(run)).toEqual(comparable(prepared));
  }
});

it("runs with other settings get prepared runtimes of their own, and leave the others as they were", async () => {
  const code = snippets[0]!;
  const results = [];
  for (const timeoutMs of [900, 901, 900, 902, 901, 900, 902]) results.push(comparable(await runSnippet(code, { id: "u-1" }, { timeoutMs })));
  results.push(comparable(await runSnippet(code, { id: "u-1" })));
  for (const result of results.slice(1)) expect(result).toEqual(results[0]);
});

it("runs with more distinct limits than an instance prepares runtimes for build their own, under their own limits", async () => {
  // 1,000 calls deep fit a 256 KiB guest stack, not a 64 KiB one.
  const code = "const f = (n) => (n === 0 ? 0 : 1 + f(n - 1));\nreturn { depth: f(payload.depth) };";
  for (let i = 0; i < 10; i++) {
    const small = await runSnippet(code, { depth: 1000 }, { stackBytes: (64 + i) * 1024 });
    const large = await runSnippet(code, { depth: 1000 }, { stackBytes: (256 + i) * 1024 });
    expect([small.ok ? "ok" : small.error.kind, large.ok ? large.output : large.error.kind], `limits ${i}`).toEqual(["stack-overflow", { depth: 1000 }]);
  }
});

it("nothing a run leaves in the prepared runtime reaches the next run", async () => {
  const dirty = [
    "globalThis.kept = 1;",
    "leaked = 2;",
    "Object.prototype.polluted = 3;",
    "Date.now = () => 0;",
    "console.log = () => {};",
    "JSON.stringify = () => '{}';",
    "return { dirty: true };",
  ].join("\n");
  expect((await runSnippet(dirty, {})).ok).toBe(true);
  const clean = await runSnippet(
    "console.log('still captured');\nreturn { kept: typeof kept, leaked: typeof leaked, polluted: ({}).polluted ?? 'clean', now: Date.now() };",
    {},
  );
  expect(clean).toMatchObject({
    ok: true,
    output: { kept: "undefined", leaked: "undefined", polluted: "clean", now: Date.UTC(2025, 0, 1) },
    logs: ["still captured"],
  });
});

it("a snippet run again starts from just after its own compiling, not from what its last run left", async () => {
  const selfDirtying = [
    "const seen = { kept: typeof kept, polluted: ({}).polluted ?? 'clean', now: Date.now() };",
    "globalThis.kept = 1;",
    "Object.prototype.polluted = 3;",
    "Date.now = () => 0;",
    "return { seen };",
  ].join("\n");
  const first = await runSnippet(selfDirtying, {});
  expect(first).toMatchObject({ ok: true, output: { seen: { kept: "undefined", polluted: "clean", now: Date.UTC(2025, 0, 1) } } });
  for (let run = 2; run <= 3; run++) expect(comparable(await runSnippet(selfDirtying, {}))).toEqual(comparable(first));
});

it.each([
  ["syntax", "return {"],
  // Deeper than the host's own stack can parse: the instance is discarded each time.
  ["stack-overflow", `return ${"[".repeat(100_000)}${"]".repeat(100_000)};`],
])("a snippet that does not compile (%s) fails the same way every time", async (kind, code) => {
  const results = [await runSnippet(code, {}), await runSnippet(code, {}), await runSnippet(code, {})];
  expect(results.map((result) => (result.ok ? "ok" : result.error.kind))).toEqual([kind, kind, kind]);
  for (const result of results.slice(1)) expect(comparable(result)).toEqual(comparable(results[0]!));
});
