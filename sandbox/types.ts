export interface RunOptions {
  /** Request headers the snippet sees as `headers`. Default `{}`. */
  headers?: Record<string, string>;
  /** Wall-clock budget for compiling and running the snippet. Default 1000. */
  timeoutMs?: number;
  /** Guest heap budget. Default 64 MiB. */
  memoryBytes?: number;
  /** Guest stack budget. Default 256 KiB, at most 384 KiB. */
  stackBytes?: number;
  /** What `Date.now()` and `new Date()` answer inside the snippet. Default {@link DEFAULT_NOW}. */
  now?: Date | number;
  /** Console capture cap in UTF-8 bytes. Default 16 KiB. */
  maxLogBytes?: number;
  /** Largest accepted output JSON in UTF-8 bytes. Default 4 MiB, Braze's general API body limit. */
  maxOutputBytes?: number;
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
  /** Name of the thrown Error (e.g. "MissingIdentityError"), or "SyntaxError" for kind "syntax". */
  name?: string;
}

export interface RunStats {
  /** Host wall clock from compiling the snippet to having its output. */
  durationMs: number;
  /**
   * Guest heap still in use once the snippet finished, by QuickJS's own accounting: what it left
   * reachable (globals, the output JSON). QuickJS frees locals on return, so this is no peak.
   */
  memoryUsedBytes: number;
  /** UTF-8 length of the output JSON; 0 when there is no output. */
  outputBytes: number;
}

export type RunResult =
  | { ok: true; output: unknown; logs: string[]; stats: RunStats }
  | { ok: false; error: SnippetError; logs: string[]; stats: RunStats };
