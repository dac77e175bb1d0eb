/**
 * JavaScript evaluated once in each QuickJS context, before the snippet is compiled.
 *
 * It evaluates to a setup function `(maxOutputChars, hostLog) => { run, describeThrown }`:
 * - `run(snippetFn, payloadJson, headersJson, nowMs)` installs a fresh frozen `Date` (answering
 *   `nowMs`) and a fresh `console` that forwards formatted lines to `hostLog`, parses the inputs
 *   inside the guest, calls the snippet and serializes its return value, answering
 *   `"<tag>\n<detail>"` where tag is `ok` (detail: the JSON text), `no-output`, `invalid-output`
 *   (detail: message) or `output-too-large` (detail: the JSON length in UTF-16 units);
 * - `describeThrown(value)` answers a JSON description of whatever the snippet threw.
 *
 * Reinstalling `Date` and `console` on every call is what keeps the clock and the console capture
 * per run when one context serves many runs (a SnippetRunner): a snippet that reassigned
 * `Date.now` or `console.log` in one run finds the originals again in the next.
 *
 * Built-ins the serializer relies on are captured here, before the snippet runs, so a snippet
 * that reassigns `JSON.stringify`, `Object.keys`... cannot change how its output is judged.
 */
export const GUEST_PRELUDE = String.raw`(function (maxOutputChars, hostLog) {
  "use strict";
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const objectKeys = Object.keys;
  const objectCreate = Object.create;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const isArray = Array.isArray;
  const isFinite = Number.isFinite;
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const toNumber = Number;
  const toText = String;
  const RealDate = Date;
  const RealDatePrototype = Date.prototype;
  const realDateUTC = Date.UTC;
  const realDateParse = Date.parse;
  const BoxedNumber = Number;
  const BoxedString = String;
  const BoxedBoolean = Boolean;
  const ErrorClass = Error;
  const PromiseClass = Promise;
  const ObjectPrototype = Object.prototype;
  const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

  // Every FrozenDate, including one a snippet kept from an earlier run, answers the current run's instant.
  let nowMs = 0;
  function newFrozenDate() {
    function FrozenDate(...args) {
      if (new.target === undefined) return toText(new RealDate(nowMs));
      return construct(RealDate, args.length === 0 ? [nowMs] : args, new.target);
    }
    defineProperty(FrozenDate, "name", { value: "Date" });
    defineProperty(FrozenDate, "length", { value: 7 });
    defineProperty(FrozenDate, "prototype", { value: RealDatePrototype, writable: false });
    // Defined like the originals (not enumerable), and past any setter a snippet put on Function.prototype.
    const method = { writable: true, configurable: true };
    defineProperty(FrozenDate, "now", { ...method, value: function now() { return nowMs; } });
    defineProperty(FrozenDate, "UTC", { ...method, value: realDateUTC });
    defineProperty(FrozenDate, "parse", { ...method, value: realDateParse });
    return FrozenDate;
  }

  function render(value) {
    if (typeof value === "string") return value;
    if (value instanceof ErrorClass) return value.name + ": " + value.message;
    try {
      const json = stringify(value);
      if (json !== undefined) return json;
    } catch (ignored) {
      // cycles and BigInts fall back to String() below
    }
    try {
      return toText(value);
    } catch (ignored) {
      return "[unprintable value]";
    }
  }
  function consoleMethod(prefix) {
    return function (...args) {
      let line = prefix;
      for (let i = 0; i < args.length; i++) line += (i === 0 ? "" : " ") + render(args[i]);
      hostLog(line);
    };
  }
  function newConsole() {
    return {
      log: consoleMethod(""),
      info: consoleMethod(""),
      debug: consoleMethod(""),
      warn: consoleMethod("warn: "),
      error: consoleMethod("error: "),
    };
  }

  // A snippet that made these bindings non-configurable keeps its own: its state, not the sandbox's.
  function installGlobal(name, value) {
    try {
      defineProperty(globalThis, name, { value, writable: true, configurable: true });
    } catch (ignored) {}
  }
  function installClockAndConsole(runNowMs) {
    nowMs = runNowMs;
    const FrozenDate = newFrozenDate();
    try {
      defineProperty(RealDatePrototype, "constructor", { value: FrozenDate, writable: true, configurable: true });
    } catch (ignored) {}
    installGlobal("Date", FrozenDate);
    installGlobal("console", newConsole());
  }

  class OutputProblem {
    constructor(message) { this.message = message; }
  }
  function kindOf(value) {
    if (value === null) return "null";
    if (isArray(value)) return "an array";
    if (value instanceof PromiseClass) return "a Promise (Braze does not await it)";
    if (typeof value === "bigint") return "a BigInt";
    return "a " + typeof value;
  }

  // Where the copy is: the keys from the root (numbers for array indexes) and the containers on
  // the way, as deep as 'depth'. The path becomes text only when there is a problem to report.
  // Fresh null-prototype stores per output: no inherited setter intercepts them, and nothing of
  // this output stays reachable from the prelude afterwards.
  let pathKeys = null;
  let ancestors = null;
  let depth = 0;
  function problem(message) {
    let path = "";
    for (let i = 0; i < depth; i++) {
      const key = pathKeys[i];
      if (typeof key === "number") path += "[" + key + "]";
      else if (identifierPattern.test(key)) path += (path === "" ? "" : ".") + key;
      else path += "[" + stringify(key) + "]";
    }
    return new OutputProblem(path + ": " + message);
  }
  // Mirrors JSON.stringify's SerializeJSONProperty, but reports what JSON.stringify would drop,
  // turn into null or choke on, and copies into fresh objects so each getter/toJSON runs once.
  // 'key' is the property name, or the index in an array; the root's toJSON has already run.
  function toPlain(value, key) {
    if (depth > 0 && value !== null && (typeof value === "object" || typeof value === "bigint")) {
      const toJSON = value.toJSON;
      if (typeof toJSON === "function") value = apply(toJSON, value, [typeof key === "number" ? toText(key) : key]);
    }
    if (value !== null && typeof value === "object") {
      if (value instanceof BoxedNumber) value = toNumber(value);
      else if (value instanceof BoxedString) value = toText(value);
      else if (value instanceof BoxedBoolean) value = value.valueOf();
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        if (isFinite(value)) return value;
        throw problem(toText(value) + " is not valid JSON");
      case "undefined":
        throw problem("undefined");
      case "function":
      case "symbol":
      case "bigint":
        throw problem(kindOf(value) + " is not valid JSON");
    }
    if (value === null) return null;
    if (value instanceof PromiseClass) throw problem(kindOf(value));
    for (let i = 0; i < depth; i++) {
      if (ancestors[i] === value) throw problem("circular reference");
    }
    ancestors[depth] = value;
    let copy;
    if (isArray(value)) {
      copy = [];
      const length = value.length;
      for (let i = 0; i < length; i++) {
        pathKeys[depth++] = i;
        copy[i] = toPlain(value[i], i);
        depth--;
      }
    } else {
      // A null prototype keeps a "__proto__" key an ordinary property of the copy.
      copy = objectCreate(null);
      const keys = objectKeys(value);
      for (let i = 0; i < keys.length; i++) {
        const name = keys[i];
        pathKeys[depth++] = name;
        copy[name] = toPlain(value[name], name);
        depth--;
      }
    }
    ancestors[depth] = undefined;
    return copy;
  }
  function serializeOutput(returned) {
    let root = returned;
    if (root !== null && typeof root === "object") {
      const toJSON = root.toJSON;
      if (typeof toJSON === "function") root = apply(toJSON, root, [""]);
    }
    if (root === undefined || root === null) {
      return "no-output\nthe snippet returned " + toText(root) + ", so Braze sends no request";
    }
    if (typeof root !== "object" || isArray(root) || root instanceof PromiseClass) {
      return "invalid-output\nthe snippet returned " + kindOf(root) + "; Braze expects a request body object";
    }
    if (root instanceof BoxedNumber || root instanceof BoxedString || root instanceof BoxedBoolean) {
      return "invalid-output\nthe snippet returned a boxed primitive; Braze expects a request body object";
    }
    let plain;
    pathKeys = objectCreate(null);
    ancestors = objectCreate(null);
    depth = 0;
    try {
      plain = toPlain(root, "");
    } catch (error) {
      if (error instanceof OutputProblem) return "invalid-output\n" + error.message;
      throw error;
    } finally {
      pathKeys = ancestors = null;
    }
    const json = stringify(plain);
    if (json.length > maxOutputChars) return "output-too-large\n" + json.length;
    return "ok\n" + json;
  }

  function run(snippet, payloadJson, headersJson, runNowMs) {
    installClockAndConsole(runNowMs);
    return serializeOutput(snippet(parse(payloadJson), parse(headersJson)));
  }

  function constructorNames(error) {
    const names = [];
    for (let proto = getPrototypeOf(error); proto !== null && proto !== ObjectPrototype; proto = getPrototypeOf(proto)) {
      const ctor = proto.constructor;
      if (typeof ctor === "function" && typeof ctor.name === "string") names[names.length] = ctor.name;
    }
    return names;
  }
  function describeThrown(thrown) {
    try {
      if (thrown instanceof ErrorClass || (thrown !== null && typeof thrown === "object" && typeof thrown.message === "string" && typeof thrown.stack === "string")) {
        return stringify({
          isError: true,
          name: toText(thrown.name),
          message: toText(thrown.message),
          stack: typeof thrown.stack === "string" ? thrown.stack : "",
          constructorNames: constructorNames(thrown),
        });
      }
      return stringify({ isError: false, rendered: typeof thrown === "string" ? stringify(thrown) : render(thrown) });
    } catch (failure) {
      return stringify({ isError: false, rendered: "a value whose description threw " + render(failure) });
    }
  }

  return { run, describeThrown };
})`;
