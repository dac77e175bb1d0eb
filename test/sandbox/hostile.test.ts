import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openSnippetRunner, runSnippet, type ErrorKind, type RunOptions, type RunResult, type SnippetError } from "../../sandbox";

/*
 * Snippets that try to hang, exhaust or escape the sandbox. Each must end in a clear error of the
 * right kind (or, for escape attempts, find nothing of the host), and leave the host healthy: the
 * host's own prototypes untouched and a normal snippet running fine with the same options.
 *
 * Already covered elsewhere, with the same host-health check (host-health.test.ts) or without
 * (run-snippet.test.ts), and not repeated here: a plain `for (;;) {}`, unbounded array growth of
 * strings and objects, plain infinite recursion, JSON.parse of deep nesting, native recursion in
 * JSON.stringify, an object cycle in the output, throwing a string, number, null or plain object,
 * and a thrown object whose getters throw or hang. How a runner recovers from each kind is in
 * runner.test.ts.
 */

const MiB = 1024 * 1024;
/** Every loop here burns CPU until the deadline, and what is tested is that the deadline is kept, not how far off it is. */
const LOOP: RunOptions = { timeoutMs: 50 };
/** Allocation, not the clock, must be what stops these; a small heap gets there sooner. */
const ALLOCATION: RunOptions = { memoryBytes: 8 * MiB, timeoutMs: 5_000 };

const NORMAL = "return { attributes: [{ external_id: payload.id, at: new Date() }] };";

async function expectHealthyHost(options: RunOptions): Promise<void> {
  const healthy = await runSnippet(NORMAL, { id: "u-1" }, options);
  expect(healthy).toMatchObject({ ok: true, output: { attributes: [{ external_id: "u-1", at: "2025-01-01T00:00:00.000Z" }] } });
}

async function hostile(code: string, options: RunOptions = {}, payload: unknown = {}): Promise<RunResult> {
  const result = await runSnippet(code, payload, options);
  await expectHealthyHost(options);
  return result;
}

function errorOf(result: RunResult): SnippetError {
  if (result.ok) throw new Error(`expected a failure, got output ${JSON.stringify(result.output).slice(0, 200)}`);
  return result.error;
}

function outputOf(result: RunResult): unknown {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.output;
}

// The host realm's built-ins, which no snippet may reach.
const watched = { Object, Array, Function, String, Number, Promise, JSON } as const;
let hostShape: Record<string, unknown>;
function currentHostShape(): Record<string, unknown> {
  const shape: Record<string, unknown> = { parse: JSON.parse, stringify: JSON.stringify };
  for (const [name, builtin] of Object.entries(watched)) {
    const target = name === "JSON" ? builtin : (builtin as { prototype: object }).prototype;
    shape[name] = Reflect.ownKeys(target).map(String).sort();
  }
  return shape;
}
beforeAll(() => {
  hostShape = currentHostShape();
});
afterEach(() => {
  expect(currentHostShape()).toEqual(hostShape);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
});

type Case = [name: string, code: string, options: RunOptions, kind: ErrorKind];

describe("infinite loops end in a timeout", () => {
  const cases: Case[] = [
    ["in a getter read while serializing the output", "return { events: [{ get name() { for (;;) {} } }] };", LOOP, "timeout"],
    ["in a nested toJSON", "return { events: [{ toJSON() { for (;;) {} } }] };", LOOP, "timeout"],
    ["in the returned object's own toJSON", "return { toJSON() { while (true) {} } };", LOOP, "timeout"],
    ["in a Proxy get trap read while serializing", "return new Proxy({ a: 1 }, { get() { for (;;) {} } });", LOOP, "timeout"],
    ["in catastrophic regex backtracking", "return { match: /(a+)+$/.test('a'.repeat(40) + 'b') };", LOOP, "timeout"],
    ["that catches its own interruption", "for (;;) {\n  try { for (;;) {} } catch (e) {}\n}", LOOP, "timeout"],
    ["that loops again in finally", "try { for (;;) {} } finally { for (;;) {} }", LOOP, "timeout"],
  ];
  it.each(cases)("%s", async (_name, code, options, kind) => {
    const error = errorOf(await hostile(code, options));
    expect(error).toMatchObject({ kind, message: "exceeded the 50 ms time limit" });
  });

  it("while flooding the console, keeping only the capped logs", async () => {
    const result = await hostile("for (let i = 0; ; i++) console.log('flood', i);", { ...LOOP, maxLogBytes: 1024 });
    expect(errorOf(result).kind).toBe("timeout");
    expect(result.logs.at(-1)).toMatch(/^… console output truncated \(\d+ more bytes\)$/);
    expect(result.logs.slice(0, -1).join("").length).toBeLessThanOrEqual(1024);
  });

  it("in recursion that catches each stack overflow and recurses again, late but surely", async () => {
    // Exponential work in which every call creates an error with a full backtrace. QuickJS asks
    // the interrupt handler once per 10,000 calls or loop iterations, however long those take, so
    // the deadline is overshot: by about 0.6 s with this 32 KiB stack, 3 s with the default 256 KiB.
    const result = await hostile("function f() {\n  try { f(); } catch (e) { f(); }\n}\nf();", { ...LOOP, stackBytes: 32 * 1024 });
    expect(errorOf(result)).toMatchObject({ kind: "timeout", line: 2 });
  });
});

describe("unbounded allocation ends in out-of-memory", () => {
  const cases: Case[] = [
    ["typed arrays kept alive", "const kept = [];\nwhile (true) kept.push(new Uint8Array(1 << 20));", ALLOCATION, "out-of-memory"],
    ["one huge array", "const a = new Array(1e9).fill(0);\nreturn { n: a.length };", ALLOCATION, "out-of-memory"],
    ["one huge string", "return { s: 'x'.repeat(2 ** 29) };", ALLOCATION, "out-of-memory"],
    ["a string doubling by repeat", "let s = 'x';\nfor (;;) s = s.repeat(2);", ALLOCATION, "out-of-memory"],
    ["a string doubling, read each time", "let s = 'x';\nfor (;;) { s = s + s; s.charCodeAt(s.length - 1); }", ALLOCATION, "out-of-memory"],
    ["objects in a Map", "const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i, label: 'item ' + i });", ALLOCATION, "out-of-memory"],
    ["objects in a Set and WeakMap", "const s = new Set(), w = new WeakMap();\nfor (;;) { const k = {}; s.add(k); w.set(k, [k]); }", ALLOCATION, "out-of-memory"],
    [
      "a Proxy listing ten million keys while serializing",
      "return new Proxy({}, { ownKeys() { return Array.from({ length: 1e7 }, (_, i) => 'k' + i); } });",
      ALLOCATION,
      "out-of-memory",
    ],
  ];
  it.each(cases)("%s", async (_name, code, options, kind) => {
    const error = errorOf(await hostile(code, options));
    expect(error).toMatchObject({ kind, message: "exceeded the 8 MiB memory limit" });
  });

  it("a string doubling by concatenation stops at the engine's string length, as a catchable error", async () => {
    // QuickJS, like V8, builds `s + s` as a rope without copying, so the heap is never exhausted:
    // the length limit throws first (V8: RangeError "Invalid string length"), and a snippet could catch it.
    const error = errorOf(await hostile("let s = 'x';\nwhile (true) s = s + s;", ALLOCATION));
    expect(error).toEqual({ kind: "throw", name: "InternalError", message: "string too long", line: 2, column: expect.any(Number) });
  });
});

describe("deep recursion ends in a stack overflow", () => {
  const cases: Case[] = [
    ["mutual", "function a(n) { return b(n + 1); }\nfunction b(n) { return a(n + 1); }\nreturn a(0);", {}, "stack-overflow"],
    ["through Array.prototype.map", "function f(x) { return [x].map(f); }\nreturn { r: f(1) };", {}, "stack-overflow"],
    ["through a getter", "const o = { get x() { return this.x; } };\nreturn { v: o.x };", {}, "stack-overflow"],
    ["through a getter read while serializing", "const o = { get x() { return { y: o.x }; } };\nreturn { o };", {}, "stack-overflow"],
    ["through a toJSON making ever deeper objects", "function make(n) { return { toJSON() { return { n, next: make(n + 1) }; } }; }\nreturn { root: make(0) };", {}, "stack-overflow"],
    ["through Function.prototype.apply and bind", "function f() { return f.apply(null, []); }\nconst g = f.bind(null);\nreturn { r: g() };", {}, "stack-overflow"],
    ["through a Proxy trap", "const p = new Proxy({}, { get(t, k) { return p[k]; } });\nreturn { v: p.x };", {}, "stack-overflow"],
    ["in an output nested 100,000 deep", "let a = [];\nfor (let i = 0; i < 1e5; i++) a = [a];\nreturn { a };", {}, "stack-overflow"],
  ];
  it.each(cases)("%s", async (_name, code, options, kind) => {
    const error = errorOf(await hostile(code, options));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/stack limit/);
  });
});

describe("a huge output ends in output-too-large or out-of-memory, never a host crash", () => {
  const huge = "return { events: [{ name: 'x'.repeat(50e6) }] };";
  const slow: RunOptions = { timeoutMs: 10_000 };

  it("a 50 MB string with the default 64 MiB heap", async () => {
    expect(errorOf(await hostile(huge, slow)).kind).toMatch(/^(output-too-large|out-of-memory)$/);
  });

  // What these two check, that the guest measures an output before handing it over and that the
  // host's headroom follows maxOutputBytes, does not depend on the size: 5 MB shows it at a tenth of the work.
  const large = "return { events: [{ name: 'x'.repeat(5e6) }] };";

  it("a 5 MB string with room to build it: the guest measures it and never hands it over", async () => {
    const error = errorOf(await hostile(large, slow));
    expect(error).toEqual({ kind: "output-too-large", message: "output JSON is at least 5000024 bytes; the limit is 4 MiB" });
  });

  it("a 5 MB string within generous limits comes through whole", async () => {
    const result = await hostile(large, { ...slow, maxOutputBytes: 8 * MiB });
    expect((outputOf(result) as { events: { name: string }[] }).events[0]?.name).toHaveLength(5e6);
    expect(result.stats.outputBytes).toBe(5_000_024);
  });

  it("a million small objects", async () => {
    const code = "const events = [];\nfor (let i = 0; i < 1e6; i++) events.push({ name: 'e', i });\nreturn { events };";
    expect(errorOf(await hostile(code, slow)).kind).toMatch(/^(output-too-large|out-of-memory)$/);
  });

  it("sixty thousand objects of 8 MB JSON", async () => {
    const code = "const events = [];\nfor (let i = 0; i < 6e4; i++) events.push({ name: 'event ' + i, note: 'n'.repeat(100) });\nreturn { events };";
    expect(errorOf(await hostile(code, slow))).toMatchObject({ kind: "output-too-large", message: /the limit is 4 MiB$/ });
  });
});

describe("getters and cycles in the output", () => {
  it("a getter that throws is the snippet's throw, at its line", async () => {
    const error = errorOf(await hostile("const body = { events: [] };\nbody.events.push({ get name() { throw new RangeError('no name'); } });\nreturn body;"));
    expect(error).toEqual({ kind: "throw", name: "RangeError", message: "no name", line: 2, column: expect.any(Number) });
  });

  it("a getter returning a new object each time is read once", async () => {
    const code = "let reads = 0;\nconst event = { get properties() { reads++; return { reads }; } };\nreturn { events: [event, event] };";
    expect(outputOf(await hostile(code))).toEqual({ events: [{ properties: { reads: 1 } }, { properties: { reads: 2 } }] });
  });

  it("a getter returning an endless chain of new objects ends", async () => {
    const code = "function node(n) { return { n, get next() { return node(n + 1); } }; }\nreturn { head: node(0) };";
    expect(errorOf(await hostile(code)).kind).toBe("stack-overflow");
  });

  it("a cycle through an array is invalid output", async () => {
    const code = "const contact = { id: 1 };\ncontact.list = [{ back: [contact] }];\nreturn { contact };";
    expect(errorOf(await hostile(code))).toEqual({ kind: "invalid-output", message: "contact.list[0].back[0]: circular reference" });
  });

  it("a cycle through a getter is invalid output", async () => {
    const code = "const body = { get self() { return body; } };\nreturn body;";
    expect(errorOf(await hostile(code))).toEqual({ kind: "invalid-output", message: "self: circular reference" });
  });

  it("a Proxy whose ownKeys trap throws is the snippet's throw", async () => {
    const code = "return new Proxy({ a: 1 }, { ownKeys() { throw new TypeError('no keys'); } });";
    expect(errorOf(await hostile(code))).toMatchObject({ kind: "throw", name: "TypeError", message: "no keys" });
  });
});

describe("reaching for the host finds nothing of Node", () => {
  it("no Node globals, and only ECMAScript's own plus console", async () => {
    const code = [
      "const names = ['require', 'process', 'module', 'exports', 'global', 'Buffer', '__dirname', 'setTimeout', 'setImmediate',",
      "  'queueMicrotask', 'fetch', 'WebAssembly', 'std', 'os', 'scriptArgs', 'print'];",
      "const seen = {};",
      "for (const name of names) seen[name] = typeof globalThis[name];",
      "seen.bareRequire = typeof require;",
      "seen.bareProcess = typeof process;",
      "return { seen, globals: Object.getOwnPropertyNames(globalThis) };",
    ].join("\n");
    const { seen, globals } = outputOf(await hostile(code)) as { seen: Record<string, string>; globals: string[] };
    expect(Object.values(seen).every((type) => type === "undefined")).toBe(true);
    expect(Object.keys(seen)).toHaveLength(18);
    const ecmascript = new Set([
      ...["Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Proxy", "Date", "RegExp"],
      ...["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "InternalError"],
      ...["Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Promise", "Iterator", "globalThis"],
      ...["ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array"],
      ...["Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"],
      ...["parseInt", "parseFloat", "isNaN", "isFinite", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent"],
      ...["escape", "unescape", "Infinity", "NaN", "undefined", "eval", "console"],
    ]);
    expect(globals.filter((name) => !ecmascript.has(name))).toEqual([]);
  });

  it("the Function constructor, however reached, only compiles code in the guest", async () => {
    const code = [
      "const attempt = (f) => { try { return String(f()); } catch (e) { return e.name + ': ' + e.message; } };",
      "return {",
      "  viaThis: attempt(() => this.constructor.constructor('return process')()),",
      "  viaPayload: attempt(() => payload.constructor.constructor('return typeof process')()),",
      "  viaProto: attempt(() => ({}).__proto__.constructor.constructor('return typeof require')()),",
      "  thisIsGuestGlobal: Function('return this')() === globalThis,",
      "  evalSees: eval('typeof process + \" \" + typeof require'),",
      "  indirectEvalSees: (0, eval)('typeof process'),",
      "};",
    ].join("\n");
    expect(outputOf(await hostile(code))).toEqual({
      viaThis: "ReferenceError: 'process' is not defined",
      viaPayload: "undefined",
      viaProto: "undefined",
      thisIsGuestGlobal: true,
      evalSees: "undefined undefined",
      indirectEvalSees: "undefined",
    });
  });

  it("async and generator function constructors run their code in the guest too", async () => {
    const code = [
      "const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;",
      "const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;",
      "const pending = AsyncFunction('globalThis.seenByAsync = typeof process; return require(\"fs\")')();",
      "const generated = GeneratorFunction('yield typeof require')().next().value;",
      "return { seenByAsync, generated, pendingIsPromise: pending instanceof Promise, names: [AsyncFunction.name, GeneratorFunction.name] };",
    ].join("\n");
    expect(outputOf(await hostile(code))).toEqual({
      seenByAsync: "undefined",
      generated: "undefined",
      pendingIsPromise: true,
      names: ["AsyncFunction", "GeneratorFunction"],
    });
  });

  it("a dynamic import is a promise that never settles: there is no module loader and jobs never run", async () => {
    const code = [
      "let settled = 'no';",
      "const loading = import('fs');",
      "loading.then(() => { settled = 'loaded'; }, (e) => { settled = 'rejected'; });",
      "return { isPromise: loading instanceof Promise, settled };",
    ].join("\n");
    expect(outputOf(await hostile(code))).toEqual({ isPromise: true, settled: "no" });
  });
});

describe("prototype pollution stays in the guest", () => {
  it("polluting the guest's prototypes leaves the host's alone, and the next run's", async () => {
    const code = [
      "Object.prototype.polluted = 1;",
      "Array.prototype.polluted = 1;",
      "({}).__proto__.viaProto = 2;",
      "Object.getPrototypeOf(payload).viaPayload = 3;",
      "return { seen: [({}).polluted, [].polluted, ({}).viaProto, ({}).viaPayload] };",
    ].join("\n");
    expect(outputOf(await hostile(code))).toEqual({ seen: [1, 1, 2, 3] });
    expect(outputOf(await runSnippet("return { seen: ({}).polluted ?? 'clean' };", {}))).toEqual({ seen: "clean" });
  });

  it("an object literal's __proto__ sets the guest prototype and is no output key", async () => {
    const output = outputOf(await hostile('return { "__proto__": { "polluted": 1 }, kept: true };'));
    expect(output).toEqual({ kept: true });
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect((output as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a parsed __proto__ key arrives as an own property, never as the host object's prototype", async () => {
    const code = "const parsed = JSON.parse('{\"__proto__\":{\"x\":1}}');\nreturn { top: 1, nested: parsed, rows: [JSON.parse('{\"__proto__\":{\"polluted\":1}}')] };";
    const output = outputOf(await hostile(code)) as Record<string, Record<string, unknown>>;
    for (const value of [output.nested!, (output.rows as unknown as Record<string, unknown>[])[0]!]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toEqual(["__proto__"]);
      expect(value.x).toBeUndefined();
      expect(value.polluted).toBeUndefined();
    }
    expect(Object.getOwnPropertyDescriptor(output.nested, "__proto__")?.value).toEqual({ x: 1 });
  });

  it("a returned object that is itself parsed with a __proto__ key, as the whole output", async () => {
    const output = outputOf(await hostile("return JSON.parse('{\"__proto__\":{\"x\":1}}');")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(["__proto__"]);
    expect(output.x).toBeUndefined();
  });
});

describe("throwing a non-Error value", () => {
  const cases: [string, string, string][] = [
    ["undefined", "throw undefined;", "threw a non-Error value: undefined"],
    ["a Symbol", "throw Symbol('nope');", "threw a non-Error value: Symbol(nope)"],
    ["an object with a throwing toString", "throw { toString() { throw new Error('no string'); } };", "threw a non-Error value: {}"],
    [
      "an object with a throwing toString that JSON cannot render",
      "throw { toString() { throw new Error('no string'); }, n: 1n };",
      "threw a non-Error value: [unprintable value]",
    ],
    ["a function", "throw function secret() {};", "threw a non-Error value: function secret() {}"],
    ["a BigInt", "throw 10n;", "threw a non-Error value: 10"],
    [
      "a Proxy whose every trap throws",
      "const trap = () => { throw new Error('trap'); };\nthrow new Proxy({}, { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap });",
      "threw a non-Error value: a value whose description threw Error: trap",
    ],
  ];
  it.each(cases)("%s", async (_name, code, message) => {
    expect(errorOf(await hostile(code))).toEqual({ kind: "throw", message });
  });

  it("null stays a throw after another run exhausted the same instance's heap", async () => {
    // QuickJS throws null itself when it cannot even allocate the error; that counts as
    // out-of-memory only if this run took the heap to the cap, never because an earlier run did.
    const exhaust = "const rows = [];\nwhile (true) rows.push({ n: rows.length });";
    expect(errorOf(await hostile(exhaust, ALLOCATION)).kind).toBe("out-of-memory");
    expect(errorOf(await hostile("throw null;", ALLOCATION))).toEqual({ kind: "throw", message: "threw a non-Error value: null" });
    const runner = await openSnippetRunner(`if (payload.exhaust) { ${exhaust} }\nthrow null;`, ALLOCATION);
    try {
      expect(errorOf(await runner.run({ exhaust: true })).kind).toBe("out-of-memory");
      expect(errorOf(await runner.run({}))).toEqual({ kind: "throw", message: "threw a non-Error value: null" });
    } finally {
      runner.dispose();
    }
  });

  it("a Proxy whose traps hang is described within the aftermath budget", async () => {
    const code = "throw new Proxy({}, { get() { for (;;) {} }, getPrototypeOf() { for (;;) {} } });";
    expect(errorOf(await hostile(code, LOOP))).toEqual({ kind: "throw", message: "threw a non-Error value: a value that could not be inspected" });
  });
});

describe("large payloads", () => {
  it("a 1 MB Regal-like payload runs within the default limits", async () => {
    const messages = Array.from({ length: 3000 }, (_, i) => ({
      message_id: `msg_${i}`,
      contact_phone: `+1555${String(i % 9973).padStart(7, "0")}`,
      direction: i % 2 ? "INBOUND" : "OUTBOUND",
      sent_at: 1_700_000_000 + i,
      body: `Hi, this is message ${i} about your appointment. Reply STOP to opt out. `.repeat(2),
      agent: { email: "xxx@yourbrand.com", fullname: "Rebecca Greene" },
      campaign_friendly_id: String(i % 50),
    }));
    const payload = { userId: "123", name: "sms.conversation.completed", properties: { messages } };
    expect(JSON.stringify(payload).length).toBeGreaterThan(1_000_000);
    const code = [
      "const rows = payload.properties.messages;",
      "const inbound = rows.filter((row) => row.direction === 'INBOUND');",
      "return { events: inbound.slice(0, 3).map((row) => ({ external_id: payload.userId, name: 'SMS Received',",
      "  time: new Date(row.sent_at * 1000).toISOString(), properties: { message_id: row.message_id } })), total: rows.length };",
    ].join("\n");
    const result = await hostile(code, {}, payload);
    // Succeeding at all means it finished within the default 1 s limit.
    expect(outputOf(result)).toMatchObject({ total: 3000, events: [{ external_id: "123", properties: { message_id: "msg_1" } }, {}, {}] });
  });

  describe("a 1 MB payload nested 500 deep", () => {
    let payload: unknown = null;
    for (let level = 500; level > 0; level--) payload = { level, notes: "n".repeat(2000), child: payload };

    it("can be walked", async () => {
      const code = "let depth = 0;\nfor (let node = payload; node; node = node.child) depth++;\nreturn { depth };";
      expect(outputOf(await hostile(code, {}, payload))).toEqual({ depth: 500 });
    });

    it("can be serialized and returned whole", async () => {
      const result = await hostile("return { size: JSON.stringify(payload).length, echo: payload };", {}, payload);
      expect(outputOf(result)).toEqual({ size: JSON.stringify(payload).length, echo: payload });
    });
  });
});
