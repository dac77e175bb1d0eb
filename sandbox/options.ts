import type { RunOptions } from "./types";

export const KiB = 1024;
export const MiB = 1024 * KiB;

const DEFAULT_NOW_MS = Date.UTC(2025, 0, 1);

/** The instant the guest clock is frozen at unless `now` is given (2025-01-01T00:00:00.000Z). */
export const DEFAULT_NOW: Date = new Date(DEFAULT_NOW_MS);

/**
 * Beyond this, QuickJS's own stack check comes too late: deep recursion exhausts Node's native
 * stack first, which is not a guest error any more.
 */
export const MAX_STACK_BYTES = 384 * KiB;

export interface ResolvedOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
  nowMs: number;
  maxLogBytes: number;
  maxOutputBytes: number;
}

export function resolveOptions(options: RunOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    headers: options.headers ?? {},
    timeoutMs: options.timeoutMs ?? 1000,
    memoryBytes: options.memoryBytes ?? 64 * MiB,
    stackBytes: options.stackBytes ?? 256 * KiB,
    nowMs: options.now === undefined ? DEFAULT_NOW_MS : Number(options.now),
    maxLogBytes: options.maxLogBytes ?? 16 * KiB,
    maxOutputBytes: options.maxOutputBytes ?? 4 * MiB,
  };
  requirePositive("timeoutMs", resolved.timeoutMs);
  requirePositive("memoryBytes", resolved.memoryBytes);
  requirePositive("stackBytes", resolved.stackBytes);
  requirePositive("maxOutputBytes", resolved.maxOutputBytes);
  if (!Number.isFinite(resolved.maxLogBytes) || resolved.maxLogBytes < 0) {
    throw new RangeError(`runSnippet: maxLogBytes must be a finite number >= 0, got ${resolved.maxLogBytes}`);
  }
  if (!Number.isFinite(resolved.nowMs)) {
    throw new RangeError(`runSnippet: now must be a valid Date or epoch milliseconds, got ${String(options.now)}`);
  }
  if (resolved.memoryBytes > 1024 * MiB) {
    throw new RangeError(`runSnippet: memoryBytes must be at most 1 GiB (wasm32 heap), got ${resolved.memoryBytes}`);
  }
  if (resolved.stackBytes > MAX_STACK_BYTES) {
    throw new RangeError(
      `runSnippet: stackBytes must be at most ${MAX_STACK_BYTES} (384 KiB), got ${resolved.stackBytes}: ` +
        "a larger guest stack lets deep recursion overflow Node's own stack",
    );
  }
  return resolved;
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`runSnippet: ${name} must be a finite number > 0, got ${value}`);
  }
}
