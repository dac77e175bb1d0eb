import { describe, expect, it } from "vitest";
import { DEFAULT_NOW, openSnippetRunner, runSnippet, type RunResult, type SnippetError } from "../../sandbox";

const MiB = 1024 * 1024;

function expectOk(result: RunResult): unknown {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.output;
}

function expectError(result: RunResult): SnippetError {
  if (result.ok) throw new Error(`expected a failure, got output ${JSON.stringify(result.output)}`);
  return result.error;
}

describe("running a function body", () => {
  it("returns the object from a top-level return, with payload and headers visible", async () => {
    const code = [
      "const user = payload.user;",
      "return { attributes: [{ external_id: user.id, source: headers['x-source'], tags: payload.tags.length }] };",
    ].join("\n");
    const result = await runSnippet(code, { user: { id: "u-1" }, tags: ["a", "b"] }, { headers: { "x-source": "regal" } });
    expect(expectOk(result)).toEqual({ attributes: [{ external_id: "u-1", source: "regal", tags: 2 }] });
    expect(result.logs).toEqual([]);
    expect(result.stats.outputBytes).toBe(Buffer.byteLength(JSON.stringify(expectOk(result))));
    expect(result.stats.memoryUsedBytes).toBeGreaterThan(10_000);
    expect(result.stats.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("skips measuring memory when asked, and nothing else", async () => {
    const code = "return { attributes: [{ external_id: payload.id }] };";
    const runner = await openSnippetRunner(code, { measureMemory: false });
    try {
      for (const result of [await runSnippet(code, { id: "u-1" }, { measureMemory: false }), await runner.run({ id: "u-1" })]) {
        expect(expectOk(result)).toEqual({ attributes: [{ external_id: "u-1" }] });
        expect(result.stats.memoryUsedBytes).toBe(0);
        expect(result.stats.outputBytes).toBe(Buffer.byteLength(JSON.stringify(expectOk(result))));
      }
    } finally {
      runner.dispose();
    }
  });

  it("defaults headers to an empty object", async () => {
    const result = await runSnippet("return { keys: Object.keys(headers) };", {});
    expect(expectOk(result)).toEqual({ keys: [] });
  });

  it("hands the guest plain guest objects parsed from JSON", async () => {
    const code = "return { plain: Object.getPrototypeOf(payload) === Object.prototype, isArray: Array.isArray(payload.list) };";
    expect(expectOk(await runSnippet(code, { list: [1] }))).toEqual({ plain: true, isArray: true });
  });

  it("rejects a payload that is not JSON-serializable, as a caller bug", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(runSnippet("return {};", cyclic)).rejects.toThrow(/payload is not JSON-serializable/);
    await expect(runSnippet("return {};", undefined)).rejects.toThrow(/payload is not JSON-serializable/);
  });

  it("judges the output with its own JSON.stringify even if the snippet replaces the global one", async () => {
    const code = "JSON.stringify = () => '\"hacked\"'; Object.keys = () => []; return { a: 1 };";
    expect(expectOk(await runSnippet(code, {}))).toEqual({ a: 1 });
  });
});

describe("line numbers", () => {
  it("reports the snippet line a throw happened on", async () => {
    const error = expectError(await runSnippet("const a = 1;\nconst b = a + 1;\nthrow new TypeError('boom ' + b);", {}));
    expect(error).toEqual({ kind: "throw", name: "TypeError", message: "boom 2", line: 3, column: expect.any(Number) });
  });

  it("reports the throw site, not the constructor, for an Error subclass", async () => {
    const code = [
      "class TransformError extends Error {}",
      "class MissingIdentityError extends TransformError {",
      "  constructor(message) { super(message); this.name = 'MissingIdentityError'; }",
      "}",
      "function requireId(call) {",
      "  if (!call.id) throw new MissingIdentityError('call.completed: no identifier');",
      "}",
      "requireId(payload);",
    ].join("\n");
    const error = expectError(await runSnippet(code, {}));
    expect(error).toEqual({ kind: "throw", name: "MissingIdentityError", message: "call.completed: no identifier", line: 6, column: expect.any(Number) });
  });

  it("reports the column too, counted in the snippet's own text on line 1 as well: QuickJS places a `new` at its \"(\"", async () => {
    const code = "const a = 1;   if (a) throw new TypeError('boom');";
    const error = expectError(await runSnippet(code, {}));
    expect(error).toMatchObject({ line: 1, column: code.indexOf("(", code.indexOf("TypeError")) + 1 });
  });

  it("reports the line of a syntax error", async () => {
    const error = expectError(await runSnippet("const a = 1;\nconst b = 2;\nlet c = ;\nreturn {};", {}));
    expect(error).toMatchObject({ kind: "syntax", name: "SyntaxError", line: 3 });
  });
});

describe("error kinds", () => {
  it("throw of a non-Error value (string, number, null, object)", async () => {
    expect(expectError(await runSnippet("throw 'no id';", {}))).toEqual({ kind: "throw", message: 'threw a non-Error value: "no id"' });
    expect(expectError(await runSnippet("throw 42;", {})).message).toBe("threw a non-Error value: 42");
    expect(expectError(await runSnippet("throw null;", {})).message).toBe("threw a non-Error value: null");
    expect(expectError(await runSnippet("throw { code: 7 };", {})).message).toBe('threw a non-Error value: {"code":7}');
  });

  it("throw of a value whose inspection throws or hangs, without hanging the host", async () => {
    const throwing = expectError(await runSnippet("throw { get message() { throw new Error('gotcha'); } };", {}));
    expect(throwing).toEqual({ kind: "throw", message: "threw a non-Error value: a value whose description threw Error: gotcha" });
    const hanging = expectError(await runSnippet("throw { get message() { for (;;) {} } };", {}));
    expect(hanging).toEqual({ kind: "throw", message: "threw a non-Error value: a value that could not be inspected" });
  });

  it("timeout for an infinite loop, naming the limit", async () => {
    const result = await runSnippet("let i = 0;\nwhile (true) { i++; }", {}, { timeoutMs: 100 });
    expect(expectError(result)).toMatchObject({ kind: "timeout", message: "exceeded the 100 ms time limit" });
    expect(result.stats.durationMs).toBeGreaterThanOrEqual(100);
    expect(result.stats.durationMs).toBeLessThan(1000);
  });

  it("out-of-memory for unbounded array growth, naming the limit", async () => {
    const code = "const rows = [];\nwhile (true) rows.push({ n: rows.length, label: 'row ' + rows.length });";
    const error = expectError(await runSnippet(code, {}, { memoryBytes: 16 * MiB }));
    expect(error).toMatchObject({ kind: "out-of-memory", message: "exceeded the 16 MiB memory limit" });
  });

  it("out-of-memory for many small strings, which QuickJS's own limit does not count", async () => {
    const code = "const chunk = 'x'.repeat(1000);\nglobalThis.kept = [];\nwhile (true) kept.push(chunk + kept.length);";
    const error = expectError(await runSnippet(code, {}, { memoryBytes: 16 * MiB }));
    expect(error.kind).toBe("out-of-memory");
  });

  it("stack-overflow for infinite recursion", async () => {
    const error = expectError(await runSnippet("function down(n) { return down(n + 1) + 1; }\nreturn down(0);", {}));
    expect(error).toMatchObject({ kind: "stack-overflow", line: 1 });
    expect(error.message).toContain("256 KiB stack limit");
  });

  it("stack-overflow when a built-in recurses natively past Node's own stack", async () => {
    const code = "let nested = {};\nfor (let i = 0; i < 200000; i++) nested = { nested };\nreturn { size: JSON.stringify(nested).length };";
    const error = expectError(await runSnippet(code, {}));
    expect(error.kind).toBe("stack-overflow");
    expect(error.message).toContain("host's native stack");
  });

  it("rejects stackBytes above 384 KiB before running anything", async () => {
    await expect(runSnippet("return {};", {}, { stackBytes: 512 * 1024 })).rejects.toThrow(/at most 393216 \(384 KiB\)/);
  });

  it("rejects memoryBytes below 2 MiB, which the runtime alone would fill", async () => {
    await expect(runSnippet("return {};", {}, { memoryBytes: MiB })).rejects.toThrow(/memoryBytes must be between 2 MiB and 1 GiB/);
    expect(expectOk(await runSnippet("return { a: 1 };", {}, { memoryBytes: 2 * MiB }))).toEqual({ a: 1 });
  });
});

describe("output validation", () => {
  const invalidOutputs: [string, string, string][] = [
    ["undefined nested value", "return { events: [{ name: 'call', time: undefined }] };", "events[0].time: undefined"],
    ["NaN", "return { attributes: [{ score: 0 / 0 }] };", "attributes[0].score: NaN is not valid JSON"],
    ["Infinity", "return { attributes: [{ score: 1 / 0 }] };", "attributes[0].score: Infinity is not valid JSON"],
    ["function", "return { events: [{ properties: { notes() {} } }] };", "events[0].properties.notes: a function is not valid JSON"],
    ["cycle", "const p = { a: 1 }; p.self = p;\nreturn { events: [{ properties: p }] };", "events[0].properties.self: circular reference"],
    ["symbol", "return { events: [{ name: Symbol('x') }] };", "events[0].name: a symbol is not valid JSON"],
    ["bigint", "return { purchases: [{ price: 10n }] };", "purchases[0].price: a BigInt is not valid JSON"],
    ["Promise", "return { events: [{ properties: Promise.resolve(1) }] };", "events[0].properties: a Promise (Braze does not await it)"],
    ["key that is not an identifier", "return { properties: { 'callback_timestamp ': undefined } };", 'properties["callback_timestamp "]: undefined'],
    ["array hole", "const events = [];\nevents[1] = {};\nreturn { events };", "events[0]: undefined"],
    ["string return", "return 'done';", "the snippet returned a string; Braze expects a request body object"],
    ["number return", "return 42;", "the snippet returned a number; Braze expects a request body object"],
  ];
  it.each(invalidOutputs)("invalid-output: %s", async (_case, code, message) => {
    expect(expectError(await runSnippet(code, {}))).toEqual({ kind: "invalid-output", message });
  });

  it("no-output for return undefined, return null and no return at all", async () => {
    for (const code of ["return undefined;", "const x = 1;", "return;"]) {
      expect(expectError(await runSnippet(code, {}))).toEqual({
        kind: "no-output",
        message: "the snippet returned undefined, so Braze sends no request",
      });
    }
    expect(expectError(await runSnippet("return null;", {})).message).toBe("the snippet returned null, so Braze sends no request");
  });

  it("output-too-large past maxOutputBytes, counting UTF-8 bytes", async () => {
    const ascii = expectError(await runSnippet("return { s: 'x'.repeat(2000) };", {}, { maxOutputBytes: 1000 }));
    expect(ascii).toEqual({ kind: "output-too-large", message: "output JSON is at least 2008 bytes; the limit is 1000 bytes" });
    // 400 three-byte characters: 408 UTF-16 units fit, 1208 UTF-8 bytes do not.
    const multibyte = expectError(await runSnippet("return { s: '€'.repeat(400) };", {}, { maxOutputBytes: 1000 }));
    expect(multibyte).toEqual({ kind: "output-too-large", message: "output JSON is 1208 bytes; the limit is 1000 bytes" });
    expect(expectOk(await runSnippet("return { s: 'x'.repeat(900) };", {}, { maxOutputBytes: 1000 }))).toEqual({ s: "x".repeat(900) });
  });

  it("calls toJSON like JSON.stringify, so a Date becomes its ISO string", async () => {
    const code = "return { time: new Date(Date.UTC(2024, 1, 29, 12)), custom: { toJSON(key) { return 'key=' + key; } } };";
    expect(expectOk(await runSnippet(code, {}))).toEqual({ time: "2024-02-29T12:00:00.000Z", custom: "key=custom" });
  });
});

describe("frozen clock", () => {
  it("answers Date.now() and new Date() with the now option", async () => {
    const now = new Date("2024-06-30T08:15:00.000Z");
    const code = "return { iso: new Date().toISOString(), now: Date.now(), called: Date() };";
    expect(expectOk(await runSnippet(code, {}, { now }))).toEqual({
      iso: "2024-06-30T08:15:00.000Z",
      now: now.getTime(),
      called: new Date(now).toString().replace(/ \(.*\)$/, ""),
    });
  });

  it("defaults to DEFAULT_NOW (2025-01-01T00:00:00.000Z)", async () => {
    expect(DEFAULT_NOW.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(expectOk(await runSnippet("return { iso: new Date().toISOString() };", {}))).toEqual({ iso: DEFAULT_NOW.toISOString() });
  });

  it("keeps new Date(x), Date.UTC, Date.parse, instanceof and prototype methods working", async () => {
    const code = [
      "const epoch = new Date(0);",
      "class Stamp extends Date {}",
      "return {",
      "  epoch: epoch.toISOString(), parsed: Date.parse('2020-01-02T03:04:05Z'), utc: Date.UTC(2020, 0, 1),",
      "  fromParts: new Date(2020, 5, 15).getMonth(), isDate: new Date() instanceof Date, ctor: new Date().constructor === Date,",
      "  subclass: new Stamp(5) instanceof Stamp && new Stamp(5).getTime() === 5, frozenSubclass: new Stamp().getTime(),",
      "};",
    ].join("\n");
    expect(expectOk(await runSnippet(code, {}, { now: 1234 }))).toEqual({
      epoch: "1970-01-01T00:00:00.000Z",
      parsed: Date.UTC(2020, 0, 2, 3, 4, 5),
      utc: Date.UTC(2020, 0, 1),
      fromParts: 5,
      isDate: true,
      ctor: true,
      subclass: true,
      frozenSubclass: 1234,
    });
  });
});

describe("console capture", () => {
  it("captures every level, joining arguments and rendering objects as JSON", async () => {
    const code = [
      "console.log('user', { id: 1 }, [1, 2], 3, undefined, null);",
      "console.info('info'); console.debug('debug');",
      "console.warn('careful');",
      "console.error(new TypeError('bad'));",
      "return {};",
    ].join("\n");
    const result = await runSnippet(code, {});
    expect(result.logs).toEqual(['user {"id":1} [1,2] 3 undefined null', "info", "debug", "warn: careful", "error: TypeError: bad"]);
  });

  it("keeps logs of a run that failed", async () => {
    const result = await runSnippet("console.log('before');\nthrow new Error('after');", {});
    expect(result.logs).toEqual(["before"]);
    expect(expectError(result).kind).toBe("throw");
  });

  it("caps the captured bytes and says how many were left out", async () => {
    const result = await runSnippet("for (let i = 0; i < 5; i++) console.log('0123456789');\nreturn {};", {}, { maxLogBytes: 25 });
    expect(result.logs).toEqual(["0123456789", "0123456789", "01234", "… console output truncated (25 more bytes)"]);
  });
});
