import { attempt, COMPILED, instanceBytesFor, toRunResult, type Attempt } from "./attempt";
import { LogCollector } from "./logs";
import { loadDedicatedSandboxModule, releaseDedicatedSandboxModule, type SandboxModule } from "./module";
import { jsonForGuest, resolveNow, resolveOptions, type ResolvedOptions } from "./options";
import type { GuestOutcome } from "./output";
import { GuestSession, measuredMemory } from "./session";
import { openV8Runner } from "./v8/run-v8";
import type { ErrorKind, RunOptions, RunResult, RunnerRunOptions, SnippetRunner } from "./types";

/**
 * Compile `code` once into a runtime of its own and run it on many payloads: see
 * {@link SnippetRunner} for what persists between runs. `options` are runSnippet's; `headers` and
 * `now` are the defaults of each run.
 */
export async function openSnippetRunner(code: string, options: RunOptions = {}): Promise<SnippetRunner> {
  if (typeof code !== "string") throw new TypeError(`openSnippetRunner: code must be a string, got ${typeof code}`);
  const settings = resolveOptions(options, "openSnippetRunner");
  const defaultHeadersJson = jsonForGuest(settings.headers, "headers", "openSnippetRunner");
  if (settings.engine === "v8") return openV8Runner(code, settings, defaultHeadersJson);
  const runner = new Runner(code, settings, defaultHeadersJson);
  await runner.prepare();
  return runner;
}

/** The instance a runner currently runs in (for leak checks); undefined once disposed. */
export function runnerSandboxModule(runner: SnippetRunner): SandboxModule | undefined {
  if (!(runner instanceof Runner)) throw new TypeError("runnerSandboxModule: not a runner from openSnippetRunner");
  return runner.currentModule;
}

/** After these the runtime may be mid-operation or full: the next run gets a fresh one. */
const RECYCLING_KINDS: ReadonlySet<ErrorKind> = new Set(["timeout", "out-of-memory", "stack-overflow"]);

interface RunInputs {
  payloadJson: string;
  headersJson: string;
  nowMs: number;
}

class Runner implements SnippetRunner {
  /** A dedicated instance: a discard (a host-side trap in one of our runs) is ours to recover from. */
  private sandboxModule: SandboxModule | undefined;
  private session: GuestSession | undefined;
  /** A snippet that does not compile fails every run the same way, with no runtime to keep. */
  private syntaxFailure: Attempt | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly code: string,
    private readonly settings: ResolvedOptions,
    private readonly defaultHeadersJson: string,
  ) {}

  get currentModule(): SandboxModule | undefined {
    return this.sandboxModule;
  }

  /** Loads the instance and compiles the snippet, so that runs pay for neither. */
  async prepare(): Promise<void> {
    const sandboxModule = await this.replaceModule();
    attempt(
      sandboxModule,
      this.settings,
      (releaseHeadroom) => {
        const compiled = this.compiledSession(sandboxModule, releaseHeadroom);
        return compiled instanceof GuestSession ? COMPILED : compiled;
      },
      (outcome) => this.afterRun(outcome),
    );
  }

  run(payload: unknown, options: RunnerRunOptions = {}): Promise<RunResult> {
    let inputs: RunInputs;
    try {
      // Read now, not when the run's turn comes: the caller may reuse the payload object.
      inputs = this.inputsFor(payload, options);
    } catch (error) {
      return Promise.reject(error);
    }
    const result = this.queue.then(() => this.runInTurn(inputs));
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const { session, sandboxModule } = this;
    this.session = undefined;
    this.sandboxModule = undefined;
    if (sandboxModule === undefined || sandboxModule.discarded) return;
    try {
      session?.dispose();
      releaseDedicatedSandboxModule(sandboxModule);
    } catch {
      // After the guest exhausted the heap QuickJS may not free itself cleanly; the instance is
      // dropped with the runner either way.
      sandboxModule.discard();
    }
  }

  private inputsFor(payload: unknown, options: RunnerRunOptions): RunInputs {
    const caller = "SnippetRunner.run";
    if (this.disposed) throw new Error(`${caller}: the runner was disposed`);
    return {
      payloadJson: jsonForGuest(payload, "payload", caller),
      headersJson: options.headers === undefined ? this.defaultHeadersJson : jsonForGuest(options.headers, "headers", caller),
      nowMs: options.now === undefined ? this.settings.nowMs : resolveNow(options.now, caller),
    };
  }

  private async runInTurn(inputs: RunInputs): Promise<RunResult> {
    if (this.disposed) throw new Error("SnippetRunner.run: the runner was disposed");
    if (this.syntaxFailure) return toRunResult(structuredClone(this.syntaxFailure), new LogCollector(0), { durationMs: 0, cost: 0 });
    let sandboxModule = this.sandboxModule;
    if (sandboxModule === undefined || sandboxModule.discarded) {
      sandboxModule = await this.replaceModule();
      if (this.disposed) throw new Error("SnippetRunner.run: the runner was disposed");
    }
    return this.runOn(sandboxModule, inputs);
  }

  private runOn(sandboxModule: SandboxModule, inputs: RunInputs): RunResult {
    const logs = new LogCollector(this.settings.maxLogBytes);
    let ran: GuestSession | undefined;
    const result = attempt(
      sandboxModule,
      this.settings,
      (releaseHeadroom) => {
        const session = this.compiledSession(sandboxModule, releaseHeadroom);
        if (!(session instanceof GuestSession)) return session;
        ran = session;
        session.startBudget();
        const step = session.call(inputs.payloadJson, inputs.headersJson, inputs.nowMs, logs);
        return { outcome: session.settle(step, releaseHeadroom), memoryUsedBytes: measuredMemory(session, this.settings) };
      },
      (outcome) => this.afterRun(outcome),
    );
    return toRunResult(result, logs, { durationMs: ran?.durationMs() ?? 0, cost: ran?.cost() ?? 0 });
  }

  /** Inside an attempt: the session with the snippet compiled, or what failing to compile it gave. */
  private compiledSession(sandboxModule: SandboxModule, releaseHeadroom: () => void): GuestSession | Attempt {
    const session = (this.session ??= new GuestSession(sandboxModule, this.settings));
    if (session.compiled) return session;
    session.startBudget();
    const failed = session.compile(this.code);
    if (failed === undefined) return session;
    const result = { outcome: session.settle(failed, releaseHeadroom), memoryUsedBytes: measuredMemory(session, this.settings) };
    // Out of time, memory or stack while compiling says nothing certain: the next run tries again.
    if (!result.outcome.ok && result.outcome.error.kind === "syntax") this.syntaxFailure = result;
    return result;
  }

  /** Frees the run's handles and drops a runtime the run may have left unusable. */
  private afterRun(outcome: GuestOutcome): void {
    const { session } = this;
    if (session === undefined) return;
    session.endRun();
    const broken = !outcome.ok && RECYCLING_KINDS.has(outcome.error.kind);
    // Never-run promise jobs would otherwise pile up in a runtime that is never torn down.
    if (broken || !session.compiled || session.hasPendingJob()) {
      this.session = undefined;
      session.dispose();
    }
  }

  /** A session lives in its instance, so a new instance means a new session. */
  private async replaceModule(): Promise<SandboxModule> {
    this.session = undefined;
    this.sandboxModule = undefined;
    const sandboxModule = await loadDedicatedSandboxModule(instanceBytesFor(this.settings));
    if (!this.disposed) this.sandboxModule = sandboxModule;
    return sandboxModule;
  }
}
