import { compileFunction, createContext, Script, type Context } from "node:vm";
import { snippetPosition } from "../../sandbox/errors";

/** A failure carries the snippet line (and column) of its throw site when V8's stack has one. */
export type V8Outcome = { ok: true; output: unknown } | { ok: false; name: string; message: string; line?: number; column?: number };

/*
 * Reads what was thrown inside the context: its stack, and the constructors
 * of its class chain, whose frames are not the throw site.
 */
const CALL = new Script(`result = (function () {
  try {
    var output = snippet(JSON.parse(payloadJson), JSON.parse(headersJson));
    return { ok: true, json: JSON.stringify(output) };
  } catch (error) {
    var constructors = [];
    for (var proto = error !== null && typeof error === "object" ? Object.getPrototypeOf(error) : null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      constructors.push(proto.constructor && proto.constructor.name);
    }
    return { ok: false, name: error && error.name, message: error && error.message, stack: String(error && error.stack), constructors: constructors };
  }
})();`);

/** Makes the snippet's function in `context`. */
export type SnippetCompiler = (code: string, context: Context) => unknown;

/**
 * Runs a snippet as a plain function body in a fresh V8 context, the way any
 * engine would, with nothing from our sandbox: the check that snippets do not
 * depend on QuickJS. Its stack counts lines and columns in the snippet's own
 * text.
 */
export function runInV8(code: string, payload: unknown, headers: Record<string, string> = {}, compile: SnippetCompiler = compileOnce): V8Outcome {
  const context = createContext({ payloadJson: JSON.stringify(payload), headersJson: JSON.stringify(headers), snippet: undefined as unknown, result: undefined as unknown });
  context.snippet = compile(code, context);
  if (typeof context.snippet !== "function") throw new Error("snippet.js: unbalanced braces: the snippet closes its own function body early");
  CALL.runInContext(context, { timeout: 1000 });
  const result = context.result as { ok: boolean; json?: string; name?: string; message?: string; stack?: string; constructors?: string[] };
  if (result.ok) return { ok: true, output: result.json === undefined ? undefined : JSON.parse(result.json) };
  return { ok: false, name: String(result.name), message: String(result.message), ...snippetPosition(result.stack ?? "", result.constructors ?? []) };
}

/** A new parse of the snippet in each context, as a context that never saw it must do: what the benchmark's reference measures. */
export const compileAnew: SnippetCompiler = (code, context) => compileFunction(code, ["payload", "headers"], { filename: "snippet.js", parsingContext: context });

/** Compiled once per snippet text: a Script runs in any number of fresh contexts, so the property suites' many payloads share one parse. */
const scripts = new Map<string, Script>();
const KEPT_SCRIPTS = 8;

function compileOnce(code: string, context: Context): unknown {
  let script = scripts.get(code);
  if (script === undefined) {
    // The wrapper's line is numbered 0, so the snippet's lines keep their own numbers.
    script = new Script(`(function (payload, headers) {\n${code}\n})`, { filename: "snippet.js", lineOffset: -1 });
    scripts.set(code, script);
    for (const oldest of scripts.keys()) if (scripts.size > KEPT_SCRIPTS) scripts.delete(oldest);
  }
  return script.runInContext(context);
}
