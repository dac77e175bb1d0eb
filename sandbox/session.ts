import type { BorrowedHeapCharPointer, QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import { classifyGuestFailure, FUNCTION_BODY_OPENING, looksLikeExhaustedHeap, outOfMemoryError, SNIPPET_FILE, type ThrownDescription } from "./errors";
import { GUEST_PRELUDE } from "./guest-prelude";
import type { LogCollector } from "./logs";
import { isAtCap, type SandboxModule } from "./module";
import type { ResolvedOptions } from "./options";
import { readSerializerAnswer, type GuestOutcome } from "./output";
import type { SnippetError } from "./types";

/** Budget for host-initiated guest calls after the snippet, e.g. an error object's getters. */
const AFTERMATH_TIME_MS = 200;

export type SessionSettings = Pick<ResolvedOptions, "timeoutMs" | "memoryBytes" | "stackBytes" | "maxOutputBytes">;

/** What a budget has used so far: wall time and interrupt checks (see `cost`). */
export interface Spent {
  readonly ms: number;
  readonly interruptChecks: number;
}

const NOTHING_SPENT: Spent = { ms: 0, interruptChecks: 0 };

/** Where a guest step ended: a value, a thrown value (and in which phase), or a host-side verdict. */
export type GuestStep = { returned: QuickJSHandle } | { phase: "compile" | "run"; thrown: QuickJSHandle } | { error: SnippetError };

interface Disposable {
  dispose(): void;
}

/**
 * One QuickJS runtime and context with the prelude installed and, once compiled, the snippet's
 * function: everything about a run that does not depend on its inputs. `runSnippet` uses a session
 * for one run; a SnippetRunner keeps one for many.
 *
 * Guest steps (`compile`, `call`) run inside a time budget the caller opens with `startBudget`
 * (runSnippet opens one for compile and call together, a runner one per run) and closes with
 * `settle`, which also turns the step's result into an outcome. Handles a run creates are freed by
 * `endRun`; the session's own by `dispose`.
 */
export class GuestSession {
  private readonly owned: Disposable[] = [];
  /** How many of `owned` the constructor made: what stays when the session is rewound. */
  private readonly setUpHandles: number;
  private runOwned: Disposable[] = [];
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private readonly runFunction: QuickJSHandle;
  private readonly describeThrown: QuickJSHandle;
  private snippet: QuickJSHandle | undefined;
  private logs: LogCollector | undefined;
  private deadline = Number.POSITIVE_INFINITY;
  private deadlineHit = false;
  private interruptChecks = 0;
  private counting = false;
  private startedAt: number | undefined;
  private endedAt: number | undefined;

  /** Throws (a host-side error) only if the engine cannot even be set up. */
  constructor(
    private readonly sandboxModule: SandboxModule,
    private readonly settings: SessionSettings,
  ) {
    const runtime = this.own(sandboxModule.quickjs.newRuntime());
    runtime.setMemoryLimit(settings.memoryBytes);
    runtime.setMaxStackSize(settings.stackBytes);
    runtime.setInterruptHandler(() => this.isPastDeadline());
    const context = this.own(runtime.newContext());
    const hostLog = this.own(
      context.newFunction("hostLog", (line) => {
        this.logs?.add(context.getString(line));
      }),
    );
    const setup = this.own(context.unwrapResult(context.evalCode(GUEST_PRELUDE, "sandbox-prelude.js", { type: "global" })));
    const maxOutputHandle = this.own(context.newNumber(settings.maxOutputBytes));
    const api = this.own(context.unwrapResult(context.callFunction(setup, context.undefined, maxOutputHandle, hostLog)));
    this.runtime = runtime;
    this.context = context;
    this.runFunction = this.own(context.getProp(api, "run"));
    this.describeThrown = this.own(context.getProp(api, "describeThrown"));
    this.setUpHandles = this.owned.length;
  }

  get compiled(): boolean {
    return this.snippet !== undefined;
  }

  /** Opens a time budget with `spent` already used of it: the deadline is `timeoutMs` from when it would have started. */
  startBudget(spent: Spent = NOTHING_SPENT): void {
    this.startedAt = performance.now() - spent.ms;
    this.endedAt = undefined;
    this.deadline = this.startedAt + this.settings.timeoutMs;
    this.deadlineHit = false;
    this.interruptChecks = spent.interruptChecks;
    this.counting = true;
  }

  /** What the open budget has used so far. */
  spent(): Spent {
    return { ms: this.durationMs(), interruptChecks: this.interruptChecks };
  }

  /** Compiles the snippet as a function body; undefined when it compiled. */
  compile(code: string): GuestStep | undefined {
    const { context } = this;
    const compiled = context.evalCode(wrapAsFunctionBody(code), SNIPPET_FILE, { type: "global" });
    if (compiled.error) return { phase: "compile", thrown: this.own(compiled.error) };
    const snippetFunction = this.own(compiled.value);
    if (context.typeof(snippetFunction) !== "function") {
      const message = "unbalanced braces: the snippet closes its own function body early";
      return { error: { kind: "syntax", name: "SyntaxError", message } };
    }
    this.snippet = snippetFunction;
    return undefined;
  }

  /** The compiled snippet's function, to take back with `resume` once the memory is put back to just after compiling it. */
  get compiledSnippet(): QuickJSHandle | undefined {
    return this.snippet;
  }

  /** After a rewind whose memory was put back to just after `compile` made `snippet`: the session has it compiled again. */
  resume(snippet: QuickJSHandle): void {
    this.snippet = this.own(snippet);
  }

  /** Calls the compiled snippet through the prelude's `run`, console lines going to `logs`. */
  call(payloadJson: string, headersJson: string, nowMs: number, logs: LogCollector): GuestStep {
    const { context, snippet } = this;
    if (snippet === undefined) throw new Error("sandbox: GuestSession.call before a successful compile");
    this.logs = logs;
    const payloadHandle = this.ownForRun(this.newJsonString(payloadJson));
    const headersHandle = this.ownForRun(this.newJsonString(headersJson));
    const nowHandle = this.ownForRun(context.newNumber(nowMs));
    const ran = context.callFunction(this.runFunction, context.undefined, snippet, payloadHandle, headersHandle, nowHandle);
    if (ran.error) return { phase: "run", thrown: this.ownForRun(ran.error) };
    return { returned: this.ownForRun(ran.value) };
  }

  /**
   * Closes the budget, releases the host's headroom (so a large output can be copied out) and
   * reads the step's result, with a short budget of its own for inspecting a thrown value.
   */
  settle(step: GuestStep, releaseHeadroom: () => void): GuestOutcome {
    this.endedAt = performance.now();
    this.counting = false;
    const timedOut = this.deadlineHit;
    releaseHeadroom();
    this.deadline = performance.now() + AFTERMATH_TIME_MS;

    if ("returned" in step) return readSerializerAnswer(this.context.getString(step.returned), this.settings.maxOutputBytes);
    if ("error" in step) return { ok: false, error: step.error };
    const thrown = this.describe(step.thrown);
    // Every run starts below the cap (see attempt), so a heap at the cap now was exhausted by this run.
    if (!timedOut && looksLikeExhaustedHeap(thrown) && isAtCap(this.sandboxModule)) {
      return { ok: false, error: outOfMemoryError(this.settings) };
    }
    return { ok: false, error: classifyGuestFailure({ phase: step.phase, timedOut, thrown }, this.settings) };
  }

  /** Host wall clock of the last budget, up to `settle` (or now, if it never settled). */
  durationMs(): number {
    if (this.startedAt === undefined) return 0;
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }

  /**
   * QuickJS's count of bytes in use, which (unlike its malloc limit) includes block sizes. Read
   * from the text dump because `computeMemoryUsage` builds a second context just to hold its
   * result, which costs as much as the run's own context.
   */
  memoryUsedBytes(): number {
    const dump = this.runtime.dumpMemoryUsage();
    const memoryUsed = /^memory used\s+\d+\s+(\d+)/m.exec(dump);
    if (!memoryUsed?.[1]) throw new Error(`sandbox: no "memory used" line in QuickJS's memory dump:\n${dump}`);
    return Number(memoryUsed[1]);
  }

  /** Promise jobs the snippet queued: Braze never runs them, and neither does the sandbox. */
  hasPendingJob(): boolean {
    return this.runtime.hasPendingJob();
  }

  /** Frees the handles of the last run and detaches its log collector. */
  endRun(): void {
    this.logs = undefined;
    disposeAll(this.runOwned);
  }

  /**
   * Forgets every run since the constructor without freeing anything in the guest: for a session
   * whose instance memory is put back as it was then (see preparedSession).
   */
  rewind(): void {
    this.logs = undefined;
    this.runOwned = [];
    this.owned.length = this.setUpHandles;
    this.snippet = undefined;
  }

  dispose(): void {
    this.endRun();
    this.snippet = undefined;
    disposeAll(this.owned);
  }

  private describe(thrown: QuickJSHandle): ThrownDescription {
    const described = this.context.callFunction(this.describeThrown, this.context.undefined, thrown);
    if (described.error) {
      described.dispose();
      return { isError: false, rendered: "a value that could not be inspected" };
    }
    return JSON.parse(this.context.getString(this.ownForRun(described.value))) as ThrownDescription;
  }

  /**
   * QuickJS calls the interrupt handler once per ~10,000 interpreter ticks
   * (calls and backward jumps): counting those calls measures the work a run
   * did, identically on every machine.
   */
  cost(): number {
    return this.interruptChecks;
  }

  private isPastDeadline(): boolean {
    if (this.counting) this.interruptChecks++;
    if (performance.now() <= this.deadline) return false;
    this.deadlineHit = true;
    return true;
  }

  /**
   * `context.newString` for a JSON text, with the UTF-8 written by Node instead of emscripten's
   * character-by-character loops, which take 1.6 times as long on a 2 KB payload and 3 times on 20 KB.
   * The bytes are the same: the encoders differ only on lone surrogates, which JSON.stringify escapes.
   */
  private newJsonString(json: string): QuickJSHandle {
    const { context } = this;
    const emscripten = this.sandboxModule.quickjs["module"];
    const bytes = Buffer.byteLength(json, "utf8");
    const pointer = emscripten._malloc(bytes + 1);
    if (pointer === 0) throw new Error(`sandbox: no room in the wasm heap for a ${bytes}-byte input`);
    try {
      const text = Buffer.from(this.sandboxModule.memory.buffer, pointer, bytes + 1);
      text.write(json, 0, bytes, "utf8");
      text[bytes] = 0;
      const value = context["ffi"].QTS_NewString(context["ctx"].value, pointer as BorrowedHeapCharPointer);
      return context.getMemory(context["rt"].value).heapValueHandle(value);
    } finally {
      emscripten._free(pointer);
    }
  }

  private own<T extends Disposable>(disposable: T): T {
    this.owned.push(disposable);
    return disposable;
  }

  private ownForRun<T extends Disposable>(disposable: T): T {
    this.runOwned.push(disposable);
    return disposable;
  }
}

/** The session's bytes in use when the run's options measure them, else 0 (see RunStats). */
export function measuredMemory(session: GuestSession, settings: Pick<ResolvedOptions, "measureMemory">): number {
  return settings.measureMemory ? session.memoryUsedBytes() : 0;
}

/** The prefix shares the snippet's first line so guest line numbers are the snippet's own. */
export function wrapAsFunctionBody(code: string): string {
  return `${FUNCTION_BODY_OPENING}${code}\n})`;
}

/** In reverse creation order: handles before their context, the context before its runtime. */
function disposeAll(disposables: Disposable[]): void {
  while (disposables.length > 0) disposables.pop()?.dispose();
}
