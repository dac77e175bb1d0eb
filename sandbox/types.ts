import type { EngineName } from "./engines";

export interface RunOptions {
  /** Which local engine runs the snippet (see ENGINE_PROFILES). Default "quickjs". */
  engine?: EngineName;
  /** Request headers the snippet sees as `headers`. Default `{}`. */
  headers?: Record<string, string>;
  /** Wall-clock budget for compiling and running the snippet. Default 1000. */
  timeoutMs?: number;
  /** Guest heap budget. Default 64 MiB, at least 2 MiB. */
  memoryBytes?: number;
  /** Guest stack budget. Default 256 KiB, at most 384 KiB. */
  stackBytes?: number;
  /** What `Date.now()` and `new Date()` answer inside the snippet. Default {@link DEFAULT_NOW}. */
  now?: Date | number;
  /** Console capture cap in UTF-8 bytes. Default 16 KiB. */
  maxLogBytes?: number;
  /** Largest accepted output JSON in UTF-8 bytes. Default 4 MiB, Braze's general API body limit. */
  maxOutputBytes?: number;
  /**
   * Whether to measure `stats.memoryUsedBytes`. Default true. QuickJS walks its whole heap for
   * it, which costs about as much as a light run: suites running thousands of cases for their
   * outputs turn it off.
   */
  measureMemory?: boolean;
}

export type ErrorKind =
  | "syntax"
  | "throw"
  | "timeout"
  | "out-of-memory"
  | "stack-overflow"
  | "invalid-output"
  | "no-output"
  | "output-too-large";

export interface SnippetError {
  kind: ErrorKind;
  message: string;
  /** 1-based line in the snippet's own text. */
  line?: number;
  /** 1-based column on that line, when the engine's stack gives one (QuickJS 0.32 and V8 do). */
  column?: number;
  /** Name of the thrown Error (e.g. "MissingIdentityError"), or "SyntaxError" for kind "syntax". */
  name?: string;
}

export interface RunStats {
  /** Host wall clock from compiling the snippet to having its output. */
  durationMs: number;
  /**
   * Guest heap still in use once the snippet finished, by QuickJS's own accounting: what it left
   * reachable (globals, the output JSON). QuickJS frees locals on return, so this is no peak.
   * 0 when not measured: `measureMemory: false`, or the v8 engine (Node's vm cannot tell).
   */
  memoryUsedBytes: number;
  /** UTF-8 length of the output JSON; 0 when there is no output. */
  outputBytes: number;
  /**
   * Deterministic work done: QuickJS interrupt checks during the run, one per ~10,000 interpreter
   * ticks. Exact in a fresh runtime (runSnippet); a reused runner's figure may differ by one,
   * since QuickJS's tick counter carries over between runs.
   */
  cost: number;
}

export type RunResult =
  | { ok: true; output: unknown; logs: string[]; stats: RunStats }
  | { ok: false; error: SnippetError; logs: string[]; stats: RunStats };

/** Per-run inputs of a {@link SnippetRunner}; each defaults to the runner's own option. */
export interface RunnerRunOptions {
  headers?: Record<string, string>;
  now?: Date | number;
}

/**
 * One snippet compiled once into one QuickJS runtime, run on many payloads, like one warm
 * Braze worker. Results are those `runSnippet` gives for the same snippet, payload and options,
 * except for state the snippet itself keeps between runs:
 * - persists between runs: globals the snippet sets (`globalThis.x`, sloppy-mode implicit
 *   globals), changes to built-ins and their prototypes, properties set on its own function;
 * - per run: `payload` and `headers` (parsed afresh), everything the snippet declares, the frozen
 *   clock (`now`), and the `Date` and `console` bindings with the console capture (reinstalled
 *   even if a run replaced them), the time budget;
 * - reset: after a timeout, out-of-memory or stack overflow, a run that leaves promise jobs
 *   queued or one that grows the heap to its cap, the next run gets a fresh runtime (globals
 *   gone), as after a crashed worker.
 * `stats.durationMs` covers the run only (the snippet was compiled when the runner opened);
 * `stats.memoryUsedBytes` includes what earlier runs left in the runtime.
 */
export interface SnippetRunner {
  /** Runs are serialized; each settles before the next starts. Rejects after `dispose`. */
  run(payload: unknown, options?: RunnerRunOptions): Promise<RunResult>;
  /** Frees the runtime and drops the runner's QuickJS instance. Idempotent. */
  dispose(): void;
}
