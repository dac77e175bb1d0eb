// bdt engine probe: paste into a throwaway Braze Data Transformation, press Validate with any
// webhook, and save the output preview as a file for `bdt probe compare <file>`. Do not activate
// it. Each event property is one fact about the engine that runs this code; properties named
// "measured.*" are measurements, reported but never compared.
var facts = {};
var MAX_CHARS = 255;

function text(value) {
  var shown = (typeof value === "string" ? value : String(value)).replace(/\s*\n\s*/g, " ");
  return shown.length > MAX_CHARS ? shown.slice(0, MAX_CHARS - 1) + "…" : shown;
}
function fact(name, read) {
  try {
    var value = read();
    facts[name] = (typeof value === "number" && isFinite(value)) || typeof value === "boolean" ? value : text(value);
  } catch (error) {
    facts[name] = text("throws " + errorText(error));
  }
}
function errorText(error) {
  if (error === null || typeof error !== "object") return typeof error + " " + String(error);
  return String(error.name) + ": " + String(error.message);
}
function thrownBy(run) {
  try {
    run();
    return "no error";
  } catch (error) {
    return errorText(error);
  }
}
function typeOfPath(path) {
  var parts = path.split(".");
  var value = globalThis;
  for (var i = 0; i < parts.length; i++) {
    if (value === undefined || value === null) return "undefined";
    value = value[parts[i]];
  }
  return typeof value;
}

// Globals and built-in methods, by typeof: what exists, not how well.
[
  "globalThis", "Intl", "BigInt", "Proxy", "Reflect", "WeakRef", "FinalizationRegistry", "Atomics",
  "SharedArrayBuffer", "WebAssembly", "AggregateError", "Iterator", "TextEncoder", "TextDecoder",
  "URL", "URLSearchParams", "atob", "btoa", "structuredClone", "crypto", "fetch", "setTimeout",
  "queueMicrotask", "console", "navigator", "performance", "process", "require", "Buffer", "self",
  "window", "global", "caches", "Deno", "Bun", "EdgeRuntime", "get_user_by_email",
].forEach(function (name) {
  fact("global." + name, function () { return typeOfPath(name); });
});
[
  "Array.prototype.flat", "Array.prototype.flatMap", "Array.prototype.at", "Array.prototype.findLast",
  "Array.prototype.toSorted", "Array.prototype.toSpliced", "Array.prototype.with", "Array.fromAsync",
  "Object.fromEntries", "Object.hasOwn", "Object.groupBy", "Map.groupBy", "String.prototype.matchAll",
  "String.prototype.replaceAll", "String.prototype.at", "String.prototype.isWellFormed",
  "String.prototype.trimStart", "Promise.allSettled", "Promise.any", "Promise.withResolvers",
  "Set.prototype.union", "Error.captureStackTrace", "Array.prototype.group", "Symbol.asyncIterator",
  "Symbol.dispose", "RegExp.escape", "Math.sumPrecise", "Error.isError", "Float16Array",
].forEach(function (path) {
  fact("method." + path, function () { return typeOfPath(path); });
});

// Regular expressions: flags and syntax, tried through the RegExp constructor so that a missing
// feature is an exception here, not a syntax error that stops the whole probe.
[
  ["flag_s", "a.b", "s", "a\nb"],
  ["flag_u", "\\u{1F600}", "u", "\uD83D\uDE00"],
  ["flag_y", "b", "y", "b"],
  ["flag_d", "b", "d", "ab"],
  ["flag_v", "[\\p{L}--[a-z]]", "v", "A"],
  ["lookbehind", "(?<=a)b", "", "ab"],
  ["negative_lookbehind", "(?<!a)b", "", "cb"],
  ["named_groups", "(?<year>\\d{4})", "", "2025"],
  ["unicode_property", "\\p{Script=Greek}", "u", "α"],
  ["duplicate_named_groups", "(?<x>a)|(?<x>b)", "", "b"],
  ["modifiers", "(?i:a)b", "", "Ab"],
].forEach(function (probe) {
  fact("regex." + probe[0], function () { return new RegExp(probe[1], probe[2]).test(probe[3]); });
});
fact("regex.case_fold_kelvin", function () { return /\u212a/i.test("k"); });
fact("regex.unicode_case_fold_kelvin", function () { return new RegExp("\\u212a", "iu").test("k"); });

// Intl, locale and time zone.
fact("intl.time_zone", function () { return Intl.DateTimeFormat().resolvedOptions().timeZone; });
fact("intl.locale", function () { return Intl.DateTimeFormat().resolvedOptions().locale; });
fact("intl.number_format", function () { return new Intl.NumberFormat("de-DE").format(1234567.891); });
fact("locale.number", function () { return (1234567.891).toLocaleString(); });
fact("locale.date", function () { return new Date(0).toLocaleString(); });
fact("locale.upper_tr", function () { return "i".toLocaleUpperCase("tr"); });
fact("locale.compare", function () { return "a".localeCompare("B"); });

// Date: zone, parsing of non-ISO text, formatting.
fact("date.timezone_offset", function () { return new Date(0).getTimezoneOffset(); });
fact("date.to_string", function () { return new Date(0).toString(); });
fact("date.parse_local_iso", function () { return Date.parse("2025-01-01T00:00:00"); });
fact("date.parse_date_only", function () { return Date.parse("2025-01-01"); });
fact("date.parse_slashes", function () { return Date.parse("2025/01/02"); });
fact("date.parse_words", function () { return Date.parse("January 2, 2025 10:00"); });
fact("date.parse_rfc2822", function () { return Date.parse("Thu, 01 Jan 1970 00:00:00 GMT"); });
fact("date.parse_space_separated", function () { return Date.parse("2025-01-02 03:04:05"); });
fact("date.parse_microseconds", function () { return Date.parse("2025-01-02T03:04:05.123456Z"); });
fact("date.parse_offset_without_colon", function () { return Date.parse("2025-01-02T03:04:05+0100"); });
fact("date.invalid_string", function () { return String(new Date("not a date")); });
fact("date.invalid_to_iso", function () { return thrownBy(function () { new Date(NaN).toISOString(); }); });
fact("date.far_future", function () { return new Date(8.64e15).toISOString(); });
fact("date.clock_advances", function () {
  var start = Date.now();
  for (var i = 0; i < 200000 && Date.now() === start; i++);
  return Date.now() !== start;
});

// JSON serialisation details.
fact("json.lone_surrogate", function () { return JSON.stringify("\uD800") === '"\\ud800"' ? "escaped" : "raw"; });
fact("json.negative_zero", function () { return JSON.stringify(-0); });
fact("json.date", function () { return JSON.stringify({ at: new Date(0) }); });
fact("json.undefined_in_array", function () { return JSON.stringify([undefined, function () {}, 1]); });
fact("json.key_order", function () { return JSON.stringify({ b: 1, a: 2, 10: 3, 2: 4 }); });
fact("json.large_number", function () { return JSON.stringify([1e21, 0.1 + 0.2, 5e-7, 2 ** 53 + 2]); });
fact("json.parse_error", function () { return thrownBy(function () { JSON.parse('{"a":'); }); });
fact("json.parse_proto_key", function () { return Object.keys(JSON.parse('{"__proto__":1}')).join(","); });
fact("json.bigint", function () { return thrownBy(function () { JSON.stringify({ n: BigInt(1) }); }); });
fact("json.cycle", function () {
  var cyclic = {};
  cyclic.self = cyclic;
  return thrownBy(function () { JSON.stringify(cyclic); });
});
fact("json.indent_tab", function () { return JSON.stringify({ a: [1] }, null, "\t"); });

// Errors: names, message wording and stack shape.
fact("error.null_property", function () { return thrownBy(function () { var missing = null; return missing.x; }); });
fact("error.undefined_property", function () { return thrownBy(function () { var missing; return missing.x.y; }); });
fact("error.not_a_function", function () { return thrownBy(function () { var object = {}; object.nothing(); }); });
fact("error.not_defined", function () { return thrownBy(function () { return bdt_probe_undeclared; }); });
fact("error.invalid_array_length", function () { return thrownBy(function () { return new Array(-1); }); });
fact("error.to_fixed_range", function () { return thrownBy(function () { return (1).toFixed(101); }); });
fact("error.repeat_count", function () { return thrownBy(function () { return "x".repeat(-1); }); });
fact("error.symbol_to_string", function () { return thrownBy(function () { return Symbol("s") + ""; }); });
fact("error.assign_to_const", function () { return thrownBy(function () { const fixed = 1; fixed = 2; return fixed; }); });
fact("error.frozen_write_strict", function () {
  return thrownBy(function () { "use strict"; var frozen = Object.freeze({ a: 1 }); frozen.a = 2; });
});
fact("error.cause", function () { return new Error("outer", { cause: "inner" }).cause === "inner"; });
fact("error.stack_type", function () { return typeof new Error("m").stack; });
fact("error.stack_shape", function () {
  function probeFrame() { return new Error("m").stack; }
  return String(probeFrame()).split("\n").slice(0, 3).join(" | ").replace(/\d+/g, "N");
});
fact("error.stack_trace_limit", function () { return String(Error.stackTraceLimit); });
fact("error.to_string", function () { return String(new TypeError("m")); });

// Numbers, strings and sorting.
fact("number.to_fixed", function () { return [(1.005).toFixed(2), (1.45).toFixed(1), (0.000001).toFixed(7)].join(" "); });
fact("number.to_string", function () { return [String(1e21), String(1e-7), String(123456789012345680000), (255.5).toString(16)].join(" "); });
fact("number.to_precision", function () { return (123.456).toPrecision(4); });
fact("number.parse_float", function () { return parseFloat("1e1000"); });
fact("math.functions", function () { return [Math.sin(1), Math.exp(1), Math.pow(10, -5), Math.cbrt(27)].join(" "); });
fact("string.normalize", function () { return "\u00e9".normalize("NFD").length; });
fact("string.upper_sharp_s", function () { return "\u00df".toUpperCase(); });
fact("string.lower_dotted_i", function () { return "\u0130".toLowerCase().length; });
fact("array.sort_stable", function () {
  var items = [];
  for (var i = 0; i < 20; i++) items.push({ key: i % 3, order: i });
  items.sort(function (a, b) { return a.key - b.key; });
  return items.every(function (item, index) { return index === 0 || items[index - 1].key < item.key || items[index - 1].order < item.order; });
});
fact("array.sort_default", function () { return [10, 9, 1, "b", "a", undefined, null].sort().join(","); });
fact("function.to_string", function () { return (function probeSource(a, b) { return a + b; }).toString(); });

// How Braze calls this code: the wrapper's `this`, strictness, arguments.
var callThis = this;
var callArguments = arguments;
fact("call.this", function () { return callThis === undefined ? "undefined" : callThis === globalThis ? "globalThis" : typeof callThis; });
fact("call.strict", function () { return (function () { return this === undefined; })(); });
fact("call.arguments_length", function () { return callArguments.length; });
fact("call.argument_types", function () {
  return Array.prototype.map.call(callArguments, function (value) { return Array.isArray(value) ? "array" : value === null ? "null" : typeof value; }).join(",");
});
fact("call.payload_prototype", function () { return Object.getPrototypeOf(payload) === Object.prototype ? "Object.prototype" : String(Object.getPrototypeOf(payload)); });

// The `headers` object: shape and key case (names only: values may be private).
fact("headers.type", function () { return Array.isArray(headers) ? "array" : headers === null ? "null" : typeof headers; });
fact("headers.prototype", function () {
  var proto = Object.getPrototypeOf(headers);
  return proto === Object.prototype ? "Object.prototype" : proto === null ? "null" : String(proto.constructor && proto.constructor.name);
});
fact("headers.get_method", function () { return typeof headers.get; });
fact("headers.frozen", function () { return Object.isFrozen(headers); });
fact("headers.value_types", function () {
  var types = {};
  Object.keys(headers).forEach(function (key) { types[Array.isArray(headers[key]) ? "array" : typeof headers[key]] = true; });
  return Object.keys(types).sort().join(",") || "none";
});
fact("headers.key_case", function () {
  var cases = {};
  Object.keys(headers).forEach(function (key) {
    var titled = key.split("-").map(function (part) { return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase(); }).join("-");
    cases[key === titled ? "title" : key === key.toLowerCase() ? "lower" : key === key.toUpperCase() ? "upper" : "mixed"] = true;
  });
  return Object.keys(cases).sort().join(",") || "none";
});
fact("headers.keys", function () { return Object.keys(headers).sort().join(","); });

// console: what exists and what calling it does.
fact("console.type", function () { return typeof console; });
fact("console.methods", function () {
  return ["log", "info", "warn", "error", "debug", "trace", "table", "time", "group", "dir"].filter(function (name) { return typeof console[name] === "function"; }).join(",");
});
fact("console.log_returns", function () { return String(console.log("bdt engine probe: console.log works")); });

// Limits within a bounded budget: recursion until the engine stops it (at most 20,000 frames),
// and a quarter of a million loop iterations timed by whatever clock advances.
var recursion = { depth: 0, error: "none below 20000" };
try {
  (function descend(level) {
    recursion.depth = level;
    if (level < 20000) descend(level + 1);
  })(1);
} catch (error) {
  recursion.error = errorText(error);
}
fact("limits.recursion_error", function () { return recursion.error; });
fact("measured.recursion_depth", function () { return recursion.depth; });
fact("measured.loop_ms_per_million", function () {
  var clock = typeof performance === "object" && performance && typeof performance.now === "function" ? performance : Date;
  var start = clock.now();
  var sum = 0;
  for (var i = 0; i < 250000; i++) sum = (sum + i) % 1000003;
  var elapsed = clock.now() - start;
  return sum === 31249875000 % 1000003 && elapsed > 0 ? Math.round(elapsed * 40) / 10 : "clock does not advance";
});

// Braze serialises what this returns: values its serialiser may print differently.
var returned = { "json_out.negative_zero": -0, "json_out.date": new Date(0), "json_out.nested": { list: [1, "two", null] } };
Object.keys(returned).forEach(function (key) { facts[key] = returned[key]; });
facts.probe = "bdt engine probe 1";

return {
  events: [{ external_id: "bdt-engine-probe", name: "bdt_engine_probe", time: new Date().toISOString(), properties: facts }],
};
