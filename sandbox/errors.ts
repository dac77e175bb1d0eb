import { KiB, MiB } from "./options";
import type { ErrorKind, SnippetError } from "./types";

/** The file name the snippet is compiled under; guest stack frames name it. */
export const SNIPPET_FILE = "snippet.js";
/** What the snippet is compiled after, on its first line, to make it a function body as Braze does. */
export const FUNCTION_BODY_OPENING = "(function (payload, headers) {";

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
  const position = thrown.isError ? inSnippetText(snippetPosition(thrown.stack, thrown.constructorNames)) : undefined;
  if (failure.timedOut) {
    return withPosition({ kind: "timeout", message: `exceeded the ${limits.timeoutMs} ms time limit` }, position);
  }
  if (thrown.isError && thrown.name === "InternalError") {
    if (/out of memory/.test(thrown.message)) return outOfMemoryError(limits, position);
    if (thrown.message === "stack overflow") return stackOverflowError(limits, position);
    // The interrupt handler was called but our deadline had not passed: quickjs-emscripten turns
    // an exception inside the handler (Node's stack running out) into an interrupt.
    if (thrown.message === "interrupted") return hostStackOverflowError(limits);
  }
  if (thrown.isError && thrown.name === "RangeError" && /call stack/i.test(thrown.message)) {
    return stackOverflowError(limits, position);
  }
  if (failure.phase === "compile") {
    const message = thrown.isError ? thrown.message : thrown.rendered;
    return withPosition({ kind: "syntax", message, name: thrown.isError ? thrown.name : "SyntaxError" }, position);
  }
  if (!thrown.isError) {
    return { kind: "throw", message: `threw a non-Error value: ${thrown.rendered}` };
  }
  return withPosition({ kind: "throw", message: thrown.message, name: thrown.name }, position);
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

export function outOfMemoryError(limits: Limits, position?: SnippetPosition): SnippetError {
  return withPosition({ kind: "out-of-memory", message: `exceeded the ${formatBytes(limits.memoryBytes)} memory limit` }, position);
}

function stackOverflowError(limits: Limits, position: SnippetPosition | undefined): SnippetError {
  return withPosition(
    { kind: "stack-overflow", message: `exceeded the ${formatBytes(limits.stackBytes)} stack limit (runaway recursion?)` },
    position,
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

/** Where in the snippet's own text: 1-based line, and column when the stack frame has one. */
export interface SnippetPosition {
  line: number;
  column?: number;
}

/**
 * The first snippet frame of a guest stack. Frames of the thrown error's own constructors are
 * skipped: the stack is recorded inside `super()`, so for `throw new MissingIdentityError()`
 * the top frame is the class body (QuickJS names it "MissingIdentityError", V8
 * "new MissingIdentityError"), while the throw site is the next frame.
 */
export function snippetPosition(stack: string, constructorNames: readonly string[]): SnippetPosition | undefined {
  let first: SnippetPosition | undefined;
  for (const frame of stack.split("\n")) {
    const match = /^\s*at (?:(?:new )?(.*) \()?snippet\.js:(\d+)(?::(\d+))?\)?\s*$/.exec(frame);
    if (!match) continue;
    const position = match[3] === undefined ? { line: Number(match[2]) } : { line: Number(match[2]), column: Number(match[3]) };
    first ??= position;
    if (match[1] === undefined || !constructorNames.includes(match[1])) return position;
  }
  return first;
}

/** A frame's position in the compiled wrapper as one in the snippet's text: they differ in line 1's columns. */
function inSnippetText(position: SnippetPosition | undefined): SnippetPosition | undefined {
  if (position?.line !== 1 || position.column === undefined) return position;
  return { line: 1, column: position.column - FUNCTION_BODY_OPENING.length };
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

/**
 * One line, e.g. "snippet threw MissingIdentityError at line 42: call.completed: no identifier".
 * `at` names the place instead of the snippet line (its TypeScript source, see build/source-position.ts).
 */
export function describeError(error: SnippetError, at?: string): string {
  const where = at !== undefined ? ` at ${at}` : error.line === undefined ? "" : ` at line ${error.line}`;
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

function withPosition(error: SnippetError, position: SnippetPosition | undefined): SnippetError {
  return position === undefined ? error : { ...error, ...position };
}
