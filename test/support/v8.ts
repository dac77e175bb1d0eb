import { runInNewContext } from "node:vm";

export type V8Outcome = { ok: true; output: unknown } | { ok: false; name: string; message: string };

/**
 * Runs a snippet as a plain function body in a fresh V8 context, the way any
 * engine would, with nothing from our sandbox: the check that snippets do not
 * depend on QuickJS.
 */
export function runInV8(code: string, payload: unknown, headers: Record<string, string> = {}): V8Outcome {
  const context = { payloadJson: JSON.stringify(payload), headersJson: JSON.stringify(headers), result: undefined as unknown };
  const script = `result = (function () {
    try {
      var output = (function (payload, headers) {${code}\n})(JSON.parse(payloadJson), JSON.parse(headersJson));
      return { ok: true, json: JSON.stringify(output) };
    } catch (error) {
      return { ok: false, name: error && error.name, message: error && error.message };
    }
  })();`;
  runInNewContext(script, context, { timeout: 1000 });
  const result = context.result as { ok: boolean; json?: string; name?: string; message?: string };
  return result.ok
    ? { ok: true, output: result.json === undefined ? undefined : JSON.parse(result.json) }
    : { ok: false, name: String(result.name), message: String(result.message) };
}
