import { createContext, Script, type Context } from "node:vm";
import { classifyGuestFailure, SNIPPET_FILE, type ThrownDescription } from "../errors";
import { GUEST_PRELUDE } from "../guest-prelude";
import type { LogCollector } from "../logs";
import type { ResolvedOptions } from "../options";
import { readSerializerAnswer, type GuestOutcome } from "../output";
import { wrapAsFunctionBody } from "../session";

/** Budget for reading what the snippet threw, whose getters are the snippet's code. */
const AFTERMATH_TIME_MS = 200;

type GuestFunction = (...args: unknown[]) => unknown;
interface GuestApi {
  run: GuestFunction;
  describeThrown: GuestFunction;
}

/** Hands values to the next guest script through a global the script deletes before anything else runs. */
const HANDOFF = "__bdtHandoff";
const RUN_SCRIPT = new Script(
  `(function (h) { delete globalThis.${HANDOFF}; try { return { answer: h.api.run(h.snippet, h.payloadJson, h.headersJson, h.nowMs) }; } catch (thrown) { return { thrown: thrown }; } })(globalThis.${HANDOFF})`,
  { filename: "sandbox-run.js" },
);
const DESCRIBE_SCRIPT = new Script(`(function (h) { delete globalThis.${HANDOFF}; return h.api.describeThrown(h.thrown); })(globalThis.${HANDOFF})`, {
  filename: "sandbox-describe.js",
});

/**
 * The V8 counterpart of GuestSession: one vm context with the same prelude (frozen clock, console
 * capture, the serializer that judges the output), the snippet compiled once as a function body
 * under the same file name. Node's vm enforces only the time budget; promise jobs run inside it
 * (`afterEvaluate`), never on the host's queue.
 */
export class V8Session {
  private readonly context: Context;
  private readonly api: GuestApi;
  private snippet: GuestFunction | undefined;
  private logs: LogCollector | undefined;
  private startedAt = 0;
  private endedAt = 0;

  /** `fileName` is the script's name in stacks and in V8's coverage (npm run coverage names each snippet by its dist/ path). */
  constructor(
    private readonly settings: Pick<ResolvedOptions, "timeoutMs" | "maxOutputBytes" | "memoryBytes" | "stackBytes">,
    private readonly fileName = SNIPPET_FILE,
  ) {
    this.context = createContext({}, { microtaskMode: "afterEvaluate" });
    const setup = new Script(GUEST_PRELUDE, { filename: "sandbox-prelude.js" }).runInContext(this.context) as GuestFunction;
    this.api = setup(settings.maxOutputBytes, (line: unknown) => this.logs?.add(String(line))) as GuestApi;
  }

  get compiled(): boolean {
    return this.snippet !== undefined;
  }

  /** Compiles the snippet; the failure when it does not compile. */
  compile(code: string): GuestOutcome | undefined {
    let script: Script;
    try {
      script = new Script(wrapAsFunctionBody(code), { filename: this.fileName });
    } catch (error) {
      return { ok: false, error: syntaxError(error) };
    }
    const compiled = script.runInContext(this.context, { timeout: this.settings.timeoutMs });
    if (typeof compiled !== "function") {
      return { ok: false, error: { kind: "syntax", name: "SyntaxError", message: "unbalanced braces: the snippet closes its own function body early" } };
    }
    this.snippet = compiled as GuestFunction;
    return undefined;
  }

  run(payloadJson: string, headersJson: string, nowMs: number, logs: LogCollector): GuestOutcome {
    if (this.snippet === undefined) throw new Error("sandbox: V8Session.run before a successful compile");
    this.logs = logs;
    this.startedAt = performance.now();
    try {
      const ran = this.guest(RUN_SCRIPT, { snippet: this.snippet, payloadJson, headersJson, nowMs }, this.settings.timeoutMs) as { answer?: string; thrown?: unknown };
      this.endedAt = performance.now();
      if ("answer" in ran) return readSerializerAnswer(String(ran.answer), this.settings.maxOutputBytes);
      const error = classifyGuestFailure({ phase: "run", timedOut: false, thrown: this.describe(ran.thrown) }, this.settings);
      // V8's stack is Node's own, not the guest budget QuickJS enforces.
      return { ok: false, error: error.kind === "stack-overflow" ? { ...error, message: "exceeded V8's call stack (runaway recursion?)" } : error };
    } catch (hostError) {
      this.endedAt = performance.now();
      if (!isTimeout(hostError)) throw hostError;
      return { ok: false, error: { kind: "timeout", message: `exceeded the ${this.settings.timeoutMs} ms time limit` } };
    } finally {
      this.logs = undefined;
    }
  }

  durationMs(): number {
    return this.endedAt - this.startedAt;
  }

  private describe(thrown: unknown): ThrownDescription {
    try {
      return JSON.parse(String(this.guest(DESCRIBE_SCRIPT, { thrown }, AFTERMATH_TIME_MS))) as ThrownDescription;
    } catch {
      return { isError: false, rendered: "a value that could not be inspected" };
    }
  }

  private guest(script: Script, values: Record<string, unknown>, timeout: number): unknown {
    (this.context as Record<string, unknown>)[HANDOFF] = { api: this.api, ...values };
    return script.runInContext(this.context, { timeout });
  }
}

function isTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
}

/** V8 reports a compile error's place as the first line of its stack: "snippet.js:12". */
function syntaxError(error: unknown) {
  const message = String((error as { message?: unknown }).message ?? error);
  const place = new RegExp(`^${SNIPPET_FILE.replace(".", "\\.")}:(\\d+)`).exec(String((error as { stack?: unknown }).stack ?? ""));
  return { kind: "syntax" as const, name: "SyntaxError", message, ...(place ? { line: Number(place[1]) } : {}) };
}
