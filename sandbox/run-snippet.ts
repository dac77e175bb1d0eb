import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import {
  classifyGuestFailure,
  formatBytes,
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
  const headroomBytes = headroomBytesFor(settings.maxOutputBytes);
  const sandboxModule = await loadSandboxModule(ENGINE_BASE_BYTES + settings.memoryBytes + headroomBytes);
  return new SnippetRun(sandboxModule, settings, headroomBytes).execute(code, payloadJson, headersJson);
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

type GuestOutcome =
  | { ok: true; output: unknown; outputBytes: number }
  | { ok: false; error: SnippetError };

class SnippetRun {
  private readonly logs: LogCollector;
  /** Handles, context and runtime in creation order; freed in reverse. */
  private readonly owned: Disposable[] = [];
  private deadline = Number.POSITIVE_INFINITY;
  private deadlineHit = false;
  private durationMs = 0;

  constructor(
    private readonly sandboxModule: SandboxModule,
    private readonly settings: ResolvedOptions,
    private readonly headroomBytes: number,
  ) {
    this.logs = new LogCollector(settings.maxLogBytes);
  }

  execute(code: string, payloadJson: string, headersJson: string): RunResult {
    const releaseHeadroom = this.sandboxModule.holdHeadroom(this.headroomBytes);
    let outcome: GuestOutcome;
    let memoryUsedBytes: number;
    try {
      const runtime = this.own(this.sandboxModule.quickjs.newRuntime());
      const context = this.own(runtime.newContext());
      outcome = this.runGuest(runtime, context, code, payloadJson, headersJson, releaseHeadroom);
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
    runtime: QuickJSRuntime,
    context: QuickJSContext,
    code: string,
    payloadJson: string,
    headersJson: string,
    releaseHeadroom: () => void,
  ): GuestOutcome {
    const { settings } = this;
    runtime.setMemoryLimit(settings.memoryBytes);
    runtime.setMaxStackSize(settings.stackBytes);
    runtime.setInterruptHandler(() => this.isPastDeadline());
    const { run, describeThrown } = this.installPrelude(context);
    const payloadHandle = this.own(context.newString(payloadJson));
    const headersHandle = this.own(context.newString(headersJson));

    const started = performance.now();
    this.deadline = started + settings.timeoutMs;
    let failure: { phase: "compile" | "run"; thrown: QuickJSHandle } | undefined;
    let returned: QuickJSHandle | undefined;
    const compiled = context.evalCode(wrapAsFunctionBody(code), SNIPPET_FILE, { type: "global" });
    if (compiled.error) {
      failure = { phase: "compile", thrown: this.own(compiled.error) };
    } else {
      const snippetFunction = this.own(compiled.value);
      if (context.typeof(snippetFunction) !== "function") {
        return { ok: false, error: { kind: "syntax", name: "SyntaxError", message: "unbalanced braces: the snippet closes its own function body early" } };
      }
      const ran = context.callFunction(run, context.undefined, snippetFunction, payloadHandle, headersHandle);
      if (ran.error) failure = { phase: "run", thrown: this.own(ran.error) };
      else returned = this.own(ran.value);
    }
    this.durationMs = performance.now() - started;
    const timedOut = this.deadlineHit;
    releaseHeadroom();
    this.deadline = performance.now() + AFTERMATH_TIME_MS;

    if (failure) {
      const thrown = this.describe(context, describeThrown, failure.thrown);
      if (!timedOut && looksLikeExhaustedHeap(thrown) && this.heapIsAtCap()) {
        return { ok: false, error: outOfMemoryError(settings) };
      }
      return { ok: false, error: classifyGuestFailure({ phase: failure.phase, timedOut, thrown }, settings) };
    }
    if (!returned) throw new Error("sandbox: the guest neither returned nor threw");
    return this.readOutput(context.getString(returned));
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

  private readOutput(tagged: string): GuestOutcome {
    const newline = tagged.indexOf("\n");
    const tag = tagged.slice(0, newline);
    const detail = tagged.slice(newline + 1);
    const limit = `the ${formatBytes(this.settings.maxOutputBytes)} limit`;
    switch (tag) {
      case "ok": {
        const outputBytes = Buffer.byteLength(detail, "utf8");
        if (outputBytes > this.settings.maxOutputBytes) {
          return { ok: false, error: { kind: "output-too-large", message: `output JSON is ${outputBytes} bytes, over ${limit}` } };
        }
        return { ok: true, output: JSON.parse(detail), outputBytes };
      }
      case "output-too-large":
        return { ok: false, error: { kind: "output-too-large", message: `output JSON is at least ${detail} bytes, over ${limit}` } };
      case "no-output":
      case "invalid-output":
        return { ok: false, error: { kind: tag, message: detail } };
      default:
        throw new Error(`sandbox: unexpected answer from the guest serializer: ${tagged.slice(0, 80)}`);
    }
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
    const stats = {
      durationMs: this.durationMs,
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
