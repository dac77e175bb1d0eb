import { attempt, instanceBytesFor, toRunResult } from "./attempt";
import { LogCollector } from "./logs";
import { loadSandboxModule, type SandboxModule } from "./module";
import { jsonForGuest, resolveOptions } from "./options";
import { preparedSession } from "./prepared-runtime";
import { GuestSession, measuredMemory } from "./session";
import type { RunOptions, RunResult } from "./types";
import { runSnippetInV8 } from "./v8/run-v8";

/**
 * Run a pasted Braze Data Transformation snippet in a fresh QuickJS runtime: for the options of
 * the instance's first run, a prepared one put back to its just-built state (see preparedSession).
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
  const prepared = preparedSession(sandboxModule, settings);
  let session: GuestSession | undefined;
  const result = attempt(
    sandboxModule,
    settings,
    (releaseHeadroom) => {
      const opened = (session = prepared ?? new GuestSession(sandboxModule, settings));
      // One budget for compiling and running, as the `timeoutMs` option documents.
      opened.startBudget();
      const step = opened.compile(code) ?? opened.call(payloadJson, headersJson, settings.nowMs, logs);
      return { outcome: opened.settle(step, releaseHeadroom), memoryUsedBytes: measuredMemory(opened, settings) };
    },
    // The prepared runtime is not freed: the next run puts its image back.
    () => (prepared ? prepared.rewind() : session?.dispose()),
  );
  return toRunResult(result, logs, { durationMs: session?.durationMs() ?? 0, cost: session?.cost() ?? 0 });
}

/** The shared QuickJS instance that runs with these options execute in (for leak checks). */
export function sandboxModuleFor(options: RunOptions = {}): Promise<SandboxModule> {
  return loadSandboxModule(instanceBytesFor(resolveOptions(options)));
}
