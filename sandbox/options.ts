import { ENGINE_NAMES, isEngineName, type EngineName } from "./engines";
import type { RunOptions } from "./types";

export const KiB = 1024;
export const MiB = 1024 * KiB;

const DEFAULT_NOW_MS = Date.UTC(2025, 0, 1);

/** The instant the guest clock is frozen at unless `now` is given (2025-01-01T00:00:00.000Z). */
export const DEFAULT_NOW: Date = new Date(DEFAULT_NOW_MS);

/**
 * QuickJS measures its stack on emscripten's shadow stack, while wasm frames also consume Node's
 * native stack. Past this size plain JS recursion exhausts Node's stack before QuickJS notices
 * (measured with 1 MiB); below it only recursion inside native built-ins still can, which the
 * sandbox survives by discarding the wasm instance.
 */
export const MAX_STACK_BYTES = 384 * KiB;
/**
 * Floors below which the sandbox's own prelude, not the snippet, would hit the limit. A fresh
 * runtime with the prelude takes about 1 MiB, which at a 1 MiB budget leaves every run's heap at
 * the cap, where a thrown `null` can no longer be told from exhaustion.
 */
const MIN_STACK_BYTES = 32 * KiB;
const MIN_MEMORY_BYTES = 2 * MiB;

export interface ResolvedOptions {
  engine: EngineName;
  headers: Record<string, string>;
  timeoutMs: number;
  memoryBytes: number;
  stackBytes: number;
  nowMs: number;
  maxLogBytes: number;
  maxOutputBytes: number;
  measureMemory: boolean;
}

/** `caller` names the API in error messages ("runSnippet", "openSnippetRunner"). */
export function resolveOptions(options: RunOptions, caller = "runSnippet"): ResolvedOptions {
  const resolved: ResolvedOptions = {
    engine: options.engine ?? "quickjs",
    headers: options.headers ?? {},
    timeoutMs: options.timeoutMs ?? 1000,
    memoryBytes: options.memoryBytes ?? 64 * MiB,
    stackBytes: options.stackBytes ?? 256 * KiB,
    nowMs: options.now === undefined ? DEFAULT_NOW_MS : resolveNow(options.now, caller),
    maxLogBytes: options.maxLogBytes ?? 16 * KiB,
    maxOutputBytes: options.maxOutputBytes ?? 4 * MiB,
    measureMemory: options.measureMemory ?? true,
  };
  if (!isEngineName(resolved.engine)) throw new RangeError(`${caller}: engine must be one of ${ENGINE_NAMES.join(", ")}, got ${String(resolved.engine)}`);
  requirePositive("timeoutMs", resolved.timeoutMs, caller);
  requirePositive("maxOutputBytes", resolved.maxOutputBytes, caller);
  if (!Number.isFinite(resolved.maxLogBytes) || resolved.maxLogBytes < 0) {
    throw new RangeError(`${caller}: maxLogBytes must be a finite number >= 0, got ${resolved.maxLogBytes}`);
  }
  if (resolved.memoryBytes < MIN_MEMORY_BYTES || resolved.memoryBytes > 1024 * MiB) {
    throw new RangeError(`${caller}: memoryBytes must be between 2 MiB and 1 GiB (wasm32 heap), got ${resolved.memoryBytes}`);
  }
  if (resolved.stackBytes < MIN_STACK_BYTES) {
    throw new RangeError(`${caller}: stackBytes must be at least ${MIN_STACK_BYTES} (32 KiB), got ${resolved.stackBytes}`);
  }
  if (resolved.stackBytes > MAX_STACK_BYTES) {
    throw new RangeError(
      `${caller}: stackBytes must be at most ${MAX_STACK_BYTES} (384 KiB), got ${resolved.stackBytes}: ` +
        "a larger guest stack lets deep recursion overflow Node's own stack",
    );
  }
  return resolved;
}

/** Epoch milliseconds of a `now` option. */
export function resolveNow(now: Date | number, caller: string): number {
  const nowMs = Number(now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`${caller}: now must be a valid Date or epoch milliseconds, got ${String(now)}`);
  return nowMs;
}

/** The JSON text of a payload or headers value, which the guest parses itself. */
export function jsonForGuest(value: unknown, what: string, caller: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${caller}: ${what} is not JSON-serializable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`${caller}: ${what} is not JSON-serializable (got ${typeof value})`);
  return json;
}

function requirePositive(name: string, value: number, caller: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${caller}: ${name} must be a finite number > 0, got ${value}`);
  }
}
