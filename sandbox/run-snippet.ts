import { attempt, COMPILED, instanceBytesFor, toRunResult, type Attempt } from "./attempt";
import { LogCollector } from "./logs";
import { loadSandboxModule, type SandboxModule } from "./module";
import { jsonForGuest, resolveOptions, type ResolvedOptions } from "./options";
import { preparedSession, type PreparedRun } from "./prepared-runtime";
import { GuestSession, measuredMemory, type Spent } from "./session";
import type { RunOptions, RunResult } from "./types";
import { runSnippetInV8 } from "./v8/run-v8";

/**
 * Run a pasted Braze Data Transformation snippet in a fresh QuickJS runtime: for the instance's
 * first few options, a prepared one put back to its just-built state, or to just after compiling
 * this snippet when it ran there before (see preparedSession).
 */
export async function runSnippet(code: string, payload: unknown, options: RunOptions = {}): Promise<RunResult> {
  if (typeof code !== "string") throw new TypeError(`runSnippet: code must be a string, got ${typeof code}`);
  const settings = resolveOptions(options);
  const payloadJson = jsonForGuest(payload, "payload", "runSnippet");
  const headersJson = jsonForGuest(settings.headers, "headers", "runSnippet");
  if (settings.engine === "v8") return runSnippetInV8(code, payloadJson, headersJson, settings);
  // Runs started together wait for the same shared instance, then run one after another: an
  // earlier one may have discarded it (after a trap, or full). No await between check and use.
  let sandboxModule = await loadSandboxModule(instanceBytesFor(settings));
  while (sandboxModule.discarded) sandboxModule = await loadSandboxModule(instanceBytesFor(settings));

  const logs = new LogCollector(settings.maxLogBytes);
  const prepared = preparedSession(sandboxModule, settings, code);
  let compiled: Spent | undefined;
  if (prepared !== undefined) {
    const kept = prepared.compiled ?? (prepared.worthKeeping ? compileToKeep(sandboxModule, settings, prepared, code) : undefined);
    // The host failed while compiling (and discarded the instance): that is the run's outcome.
    if (kept !== undefined && "outcome" in kept) return toRunResult(kept, logs, { durationMs: prepared.session.durationMs(), cost: prepared.session.cost() });
    compiled = kept;
  }

  let session: GuestSession | undefined;
  const result = attempt(
    sandboxModule,
    settings,
    (releaseHeadroom) => {
      const opened = (session = prepared?.session ?? new GuestSession(sandboxModule, settings));
      // One budget for compiling and running, as the `timeoutMs` option documents.
      opened.startBudget(compiled);
      const step = (opened.compiled ? undefined : opened.compile(code)) ?? opened.call(payloadJson, headersJson, settings.nowMs, logs);
      return { outcome: opened.settle(step, releaseHeadroom), memoryUsedBytes: measuredMemory(opened, settings) };
    },
    // The prepared runtime is not freed: the next run puts an image back.
    () => (prepared ? prepared.session.rewind() : session?.dispose()),
  );
  return toRunResult(result, logs, { durationMs: session?.durationMs() ?? 0, cost: session?.cost() ?? 0 });
}

/**
 * Compiles the snippet in the prepared session holding no headroom, so that the image kept of the
 * compiled runtime holds only what compiling allocated: what compiling took; undefined when it
 * did not compile, with the just-built runtime put back (the run then compiles it as it would
 * without images, and reports why it fails); the attempt when the host failed, which discarded
 * the instance. An instance that compiling grew to its cap is discarded too, so nothing is kept
 * of it, and the run goes on there, as after compiling in its own attempt.
 */
function compileToKeep(sandboxModule: SandboxModule, settings: ResolvedOptions, prepared: PreparedRun, code: string): Spent | Attempt | undefined {
  const { session } = prepared;
  let compiledIt = false;
  const compiled = attempt(
    sandboxModule,
    settings,
    () => {
      session.startBudget();
      compiledIt = session.compile(code) === undefined;
      return COMPILED;
    },
    () => undefined,
    0,
  );
  if (!compiled.outcome.ok) return compiled;
  if (!compiledIt) {
    prepared.putBack();
    return undefined;
  }
  return sandboxModule.discarded ? session.spent() : prepared.keepCompiled();
}

/** The shared QuickJS instance that runs with these options execute in (for leak checks). */
export function sandboxModuleFor(options: RunOptions = {}): Promise<SandboxModule> {
  return loadSandboxModule(instanceBytesFor(resolveOptions(options)));
}
