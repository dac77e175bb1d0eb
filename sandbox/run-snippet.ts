import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import {
  classifyGuestFailure,
  hostStackOverflowError,
  looksLikeExhaustedHeap,
  outOfMemoryError,
  SNIPPET_FILE,
  type ThrownDescription,
} from "./errors";
import { GUEST_PRELUDE } from "./guest-prelude";
import { LogCollector } from "./logs";
import { ENGINE_BASE_BYTES, loadSandboxModule, type SandboxModule } from "./module";
import { MiB, resolveOptions, type ResolvedOptions } from "./options";
import { readSerializerAnswer, type GuestOutcome } from "./output";
import type { RunOptions, RunResult, SnippetError } from "./types";

/**
 * Room kept free during the guest's run for the host's own work afterwards: copying the output
 * out (up to 3 UTF-8 bytes per UTF-16 unit of a JSON text the guest already bounded by
 * maxOutputBytes units) plus reading errors and freeing the runtime.
 */
function headroomBytesFor(maxOutputBytes: number): number {
  return 3 * maxOutputBytes + MiB;
}

/** Budget for host-initiated guest calls after the snippet, e.g. an error object's getters. */
const AFTERMATH_TIME_MS = 200;

/** Run a pasted Braze Data Transformation snippet in a fresh QuickJS runtime. */
export async function runSnippet(code: string, payload: unknown, options: RunOptions = {}): Promise<RunResult> {
  if (typeof code !== "string") throw new TypeError(`runSnippet: code must be a string, got ${typeof code}`);
  const settings = resolveOptions(options);
  const payloadJson = jsonForGuest(payload, "payload");
  const headersJson = jsonForGuest(settings.headers, "headers");
  const sandboxModule = await moduleFor(settings);
  return new SnippetRun(sandboxModule, settings).execute(code, payloadJson, headersJson);
}

/** The QuickJS instance that runs with these options execute in (for leak checks). */
export function sandboxModuleFor(options: RunOptions = {}): Promise<SandboxModule> {
  return moduleFor(resolveOptions(options));
}

function moduleFor(settings: ResolvedOptions): Promise<SandboxModule> {
  return loadSandboxModule(ENGINE_BASE_BYTES + settings.memoryBytes + headroomBytesFor(settings.maxOutputBytes));
}

function jsonForGuest(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`runSnippet: ${what} is not JSON-serializable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`runSnippet: ${what} is not JSON-serializable (got ${typeof value})`);
  return json;
}

/** The prefix shares the snippet's first line so guest line numbers are the snippet's own. */
function wrapAsFunctionBody(code: string): string {
  return `(function (payload, headers) {${code}\n})`;
}

interface Disposable {
  dispose(): void;
}

class SnippetRun {
  private readonly logs: LogCollector;
  /** Handles, context and runtime in creation order; freed in reverse. */
  private readonly owned: Disposable[] = [];
  private deadline = Number.POSITIVE_INFINITY;
  private deadlineHit = false;
  private snippetStartedAt: number | undefined;
  private snippetEndedAt: number | undefined;

  constructor(
    private readonly sandboxModule: SandboxModule,
    private readonly settings: ResolvedOptions,
  ) {
    this.logs = new LogCollector(settings.maxLogBytes);
  }

  execute(code: string, payloadJson: string, headersJson: string): RunResult {
    const releaseHeadroom = this.sandboxModule.holdHeadroom(headroomBytesFor(this.settings.maxOutputBytes));
    let outcome: GuestOutcome;
    let memoryUsedBytes: number;
    try {
      const runtime = this.own(this.sandboxModule.quickjs.newRuntime());
      runtime.setMemoryLimit(this.settings.memoryBytes);
      runtime.setMaxStackSize(this.settings.stackBytes);
      runtime.setInterruptHandler(() => this.isPastDeadline());
      const context = this.own(runtime.newContext());
      outcome = this.runGuest(context, code, payloadJson, headersJson, releaseHeadroom);
      memoryUsedBytes = measureMemoryUsed(runtime);
    } catch (hostError) {
      // A trap or a native stack overflow unwound through wasm mid-operation: the instance's
      // shadow stack pointer and QuickJS's own state are now unknown, so never touch it again.
      this.sandboxModule.discard();
      if (!(hostError instanceof RangeError && /call stack/i.test(hostError.message))) throw hostError;
      return this.result({ ok: false, error: hostStackOverflowError(this.settings) }, 0);
    }
    releaseHeadroom();
    try {
      this.disposeOwned();
    } catch (disposeError) {
      this.sandboxModule.discard();
      // After the guest exhausted the heap QuickJS may be left unable to free itself cleanly;
      // that is the snippet's failure. Any other disposal failure is a sandbox bug: surface it.
      if (outcome.ok || outcome.error.kind !== "out-of-memory") throw disposeError;
    }
    return this.result(outcome, memoryUsedBytes);
  }

  private runGuest(
    context: QuickJSContext,
    code: string,
    payloadJson: string,
    headersJson: string,
    releaseHeadroom: () => void,
  ): GuestOutcome {
    const { run, describeThrown } = this.installPrelude(context);
    const payloadHandle = this.own(context.newString(payloadJson));
    const headersHandle = this.own(context.newString(headersJson));

    this.snippetStartedAt = performance.now();
    this.deadline = this.snippetStartedAt + this.settings.timeoutMs;
    const settled = this.compileAndRun(context, code, run, payloadHandle, headersHandle);
    this.snippetEndedAt = performance.now();
    const timedOut = this.deadlineHit;
    releaseHeadroom();
    this.deadline = performance.now() + AFTERMATH_TIME_MS;

    if ("returned" in settled) return readSerializerAnswer(context.getString(settled.returned), this.settings.maxOutputBytes);
    if ("error" in settled) return { ok: false, error: settled.error };
    const thrown = this.describe(context, describeThrown, settled.thrown);
    if (!timedOut && looksLikeExhaustedHeap(thrown) && this.heapIsAtCap()) {
      return { ok: false, error: outOfMemoryError(this.settings) };
    }
    return { ok: false, error: classifyGuestFailure({ phase: settled.phase, timedOut, thrown }, this.settings) };
  }

  private compileAndRun(
    context: QuickJSContext,
    code: string,
    run: QuickJSHandle,
    payloadHandle: QuickJSHandle,
    headersHandle: QuickJSHandle,
  ): { returned: QuickJSHandle } | { phase: "compile" | "run"; thrown: QuickJSHandle } | { error: SnippetError } {
    const compiled = context.evalCode(wrapAsFunctionBody(code), SNIPPET_FILE, { type: "global" });
    if (compiled.error) return { phase: "compile", thrown: this.own(compiled.error) };
    const snippetFunction = this.own(compiled.value);
    if (context.typeof(snippetFunction) !== "function") {
      const message = "unbalanced braces: the snippet closes its own function body early";
      return { error: { kind: "syntax", name: "SyntaxError", message } };
    }
    const ran = context.callFunction(run, context.undefined, snippetFunction, payloadHandle, headersHandle);
    if (ran.error) return { phase: "run", thrown: this.own(ran.error) };
    return { returned: this.own(ran.value) };
  }

  /** Evaluates the prelude and returns its `run` and `describeThrown` functions. */
  private installPrelude(context: QuickJSContext): { run: QuickJSHandle; describeThrown: QuickJSHandle } {
    const hostLog = this.own(
      context.newFunction("hostLog", (line) => {
        this.logs.add(context.getString(line));
      }),
    );
    const setup = this.own(context.unwrapResult(context.evalCode(GUEST_PRELUDE, "sandbox-prelude.js", { type: "global" })));
    const nowHandle = this.own(context.newNumber(this.settings.nowMs));
    const maxOutputHandle = this.own(context.newNumber(this.settings.maxOutputBytes));
    const api = this.own(context.unwrapResult(context.callFunction(setup, context.undefined, nowHandle, maxOutputHandle, hostLog)));
    return {
      run: this.own(context.getProp(api, "run")),
      describeThrown: this.own(context.getProp(api, "describeThrown")),
    };
  }

  private describe(context: QuickJSContext, describeThrown: QuickJSHandle, thrown: QuickJSHandle): ThrownDescription {
    const described = context.callFunction(describeThrown, context.undefined, thrown);
    if (described.error) {
      described.dispose();
      return { isError: false, rendered: "a value that could not be inspected" };
    }
    return JSON.parse(context.getString(this.own(described.value))) as ThrownDescription;
  }

  private isPastDeadline(): boolean {
    if (performance.now() <= this.deadline) return false;
    this.deadlineHit = true;
    return true;
  }

  /** Emscripten grows memory in steps of up to 20%, so "at the cap" means within that margin. */
  private heapIsAtCap(): boolean {
    const { memory, maximumBytes } = this.sandboxModule;
    return memory.buffer.byteLength >= maximumBytes * 0.8;
  }

  private own<T extends Disposable>(disposable: T): T {
    this.owned.push(disposable);
    return disposable;
  }

  private disposeOwned(): void {
    while (this.owned.length > 0) this.owned.pop()?.dispose();
  }

  private result(outcome: GuestOutcome, memoryUsedBytes: number): RunResult {
    const logs = this.logs.finish();
    const started = this.snippetStartedAt;
    const stats = {
      durationMs: started === undefined ? 0 : (this.snippetEndedAt ?? performance.now()) - started,
      memoryUsedBytes,
      outputBytes: outcome.ok ? outcome.outputBytes : 0,
    };
    return outcome.ok ? { ok: true, output: outcome.output, logs, stats } : { ok: false, error: outcome.error, logs, stats };
  }
}

/**
 * QuickJS's count of bytes in use, which (unlike its malloc limit) includes block sizes. Read
 * from the text dump because `computeMemoryUsage` builds a second context just to hold its
 * result, which costs as much as the run's own context.
 */
function measureMemoryUsed(runtime: QuickJSRuntime): number {
  const dump = runtime.dumpMemoryUsage();
  const memoryUsed = /^memory used\s+\d+\s+(\d+)/m.exec(dump);
  if (!memoryUsed?.[1]) throw new Error(`sandbox: no "memory used" line in QuickJS's memory dump:\n${dump}`);
  return Number(memoryUsed[1]);
}
