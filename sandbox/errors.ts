import { KiB, MiB } from "./options";
import type { ErrorKind, SnippetError } from "./types";

/** The file name the snippet is compiled under; guest stack frames name it. */
export const SNIPPET_FILE = "snippet.js";

/** What the guest prelude's `describeThrown` reports about a thrown value. */
export type ThrownDescription =
  | { isError: true; name: string; message: string; stack: string; constructorNames: string[] }
  | { isError: false; rendered: string };

export interface GuestFailure {
  phase: "compile" | "run";
  timedOut: boolean;
  thrown: ThrownDescription;
}

export interface Limits {
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
}

/**
 * QuickJS 0.32 signals its limits with uncatchable or catchable InternalErrors:
 * "interrupted" (our deadline), "out of memory" (also "out of memory in regexp execution"),
 * "stack overflow". The deadline is recognised by our own interrupt handler having fired, not by
 * the message, because a snippet could throw an identical error itself.
 */
export function classifyGuestFailure(failure: GuestFailure, limits: Limits): SnippetError {
  const { thrown } = failure;
  const line = thrown.isError ? snippetLine(thrown.stack, thrown.constructorNames) : undefined;
  if (failure.timedOut) {
    return withLine({ kind: "timeout", message: `exceeded the ${limits.timeoutMs} ms time limit` }, line);
  }
  if (thrown.isError && thrown.name === "InternalError") {
    if (/out of memory/.test(thrown.message)) return outOfMemoryError(limits, line);
    if (thrown.message === "stack overflow") return stackOverflowError(limits, line);
    // The interrupt handler was called but our deadline had not passed: quickjs-emscripten turns
    // an exception inside the handler (Node's stack running out) into an interrupt.
    if (thrown.message === "interrupted") return hostStackOverflowError(limits);
  }
  if (thrown.isError && thrown.name === "RangeError" && /call stack/i.test(thrown.message)) {
    return stackOverflowError(limits, line);
  }
  if (failure.phase === "compile") {
    const message = thrown.isError ? thrown.message : thrown.rendered;
    return withLine({ kind: "syntax", message, name: thrown.isError ? thrown.name : "SyntaxError" }, line);
  }
  if (!thrown.isError) {
    return { kind: "throw", message: `threw a non-Error value: ${thrown.rendered}` };
  }
  return withLine({ kind: "throw", message: thrown.message, name: thrown.name }, line);
}

/**
 * When the heap is exhausted QuickJS may be unable to allocate even the error object and throws
 * `null`, or an InternalError without its message; those count as out-of-memory only because
 * the wasm memory sits at its cap.
 */
export function looksLikeExhaustedHeap(thrown: ThrownDescription): boolean {
  if (!thrown.isError) return thrown.rendered === "null";
  return thrown.name === "InternalError" && thrown.message === "";
}

export function outOfMemoryError(limits: Limits, line?: number): SnippetError {
  return withLine({ kind: "out-of-memory", message: `exceeded the ${formatBytes(limits.memoryBytes)} memory limit` }, line);
}

function stackOverflowError(limits: Limits, line: number | undefined): SnippetError {
  return withLine(
    { kind: "stack-overflow", message: `exceeded the ${formatBytes(limits.stackBytes)} stack limit (runaway recursion?)` },
    line,
  );
}

/** Native recursion inside a built-in (JSON.parse/stringify, the parser...) can exhaust Node's stack first. */
export function hostStackOverflowError(limits: Limits): SnippetError {
  return {
    kind: "stack-overflow",
    message:
      `exhausted the host's native stack before the ${formatBytes(limits.stackBytes)} guest stack limit ` +
      "(data or code nested too deeply, or recursion through a built-in)",
  };
}

/**
 * The first snippet frame of a guest stack. Frames of the thrown error's own constructors are
 * skipped: QuickJS records the stack inside `super()`, so for `throw new MissingIdentityError()`
 * the top frame is the class body, while the throw site is the next frame.
 */
export function snippetLine(stack: string, constructorNames: readonly string[]): number | undefined {
  let firstSnippetLine: number | undefined;
  for (const frame of stack.split("\n")) {
    const match = /^\s*at (?:(.*) \()?snippet\.js:(\d+)(?::\d+)?\)?\s*$/.exec(frame);
    if (!match) continue;
    const line = Number(match[2]);
    firstSnippetLine ??= line;
    if (match[1] === undefined || !constructorNames.includes(match[1])) return line;
  }
  return firstSnippetLine;
}

const KIND_LABELS: Record<Exclude<ErrorKind, "throw">, string> = {
  syntax: "syntax error",
  timeout: "timeout",
  "out-of-memory": "out of memory",
  "stack-overflow": "stack overflow",
  "invalid-output": "invalid output",
  "no-output": "no output",
  "output-too-large": "output too large",
};

/** One line, e.g. "snippet threw MissingIdentityError at line 42: call.completed: no identifier". */
export function describeError(error: SnippetError): string {
  const where = error.line === undefined ? "" : ` at line ${error.line}`;
  const message = error.message.replace(/\s*\r?\n\s*/g, " ");
  if (error.kind !== "throw") return `${KIND_LABELS[error.kind]}${where}: ${message}`;
  // A non-Error throw has no name, and its message already reads "threw a non-Error value: …".
  return error.name === undefined ? `snippet ${message}` : `snippet threw ${error.name}${where}: ${message}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

function withLine(error: SnippetError, line: number | undefined): SnippetError {
  return line === undefined ? error : { ...error, line };
}
