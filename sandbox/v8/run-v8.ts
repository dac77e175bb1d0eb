import { LogCollector } from "../logs";
import { jsonForGuest, resolveNow, type ResolvedOptions } from "../options";
import type { GuestOutcome } from "../output";
import type { RunResult, RunnerRunOptions, SnippetRunner } from "../types";
import { V8Session } from "./v8-session";

/** runSnippet in the "v8" engine: a fresh context per run. */
export function runSnippetInV8(code: string, payloadJson: string, headersJson: string, settings: ResolvedOptions): RunResult {
  const logs = new LogCollector(settings.maxLogBytes);
  const session = new V8Session(settings);
  const outcome = session.compile(code) ?? session.run(payloadJson, headersJson, settings.nowMs, logs);
  return resultOf(outcome, logs, session.compiled ? session.durationMs() : 0);
}

/**
 * openSnippetRunner in the "v8" engine: the snippet compiled once into one context, like the
 * QuickJS runner (globals the snippet sets persist; payload, headers, clock and console are per
 * run), and a fresh context after a timeout.
 */
export function openV8Runner(code: string, settings: ResolvedOptions, defaultHeadersJson: string): SnippetRunner {
  let session: V8Session | undefined;
  let disposed = false;
  const caller = "SnippetRunner.run";
  return {
    async run(payload: unknown, options: RunnerRunOptions = {}) {
      if (disposed) throw new Error(`${caller}: the runner was disposed`);
      const payloadJson = jsonForGuest(payload, "payload", caller);
      const headersJson = options.headers === undefined ? defaultHeadersJson : jsonForGuest(options.headers, "headers", caller);
      const nowMs = options.now === undefined ? settings.nowMs : resolveNow(options.now, caller);
      const logs = new LogCollector(settings.maxLogBytes);
      const opened = (session ??= new V8Session(settings));
      const failed = opened.compiled ? undefined : opened.compile(code);
      const outcome = failed ?? opened.run(payloadJson, headersJson, nowMs, logs);
      if (!outcome.ok && (outcome.error.kind === "timeout" || outcome.error.kind === "syntax")) session = undefined;
      return resultOf(outcome, logs, failed ? 0 : opened.durationMs());
    },
    dispose() {
      disposed = true;
      session = undefined;
    },
  };
}

/** Node's vm measures neither memory nor work: both read 0. */
function resultOf(outcome: GuestOutcome, logs: LogCollector, durationMs: number): RunResult {
  const stats = { durationMs, memoryUsedBytes: 0, outputBytes: outcome.ok ? outcome.outputBytes : 0, cost: 0 };
  return outcome.ok ? { ok: true, output: outcome.output, logs: logs.finish(), stats } : { ok: false, error: outcome.error, logs: logs.finish(), stats };
}
