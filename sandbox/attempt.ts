import { hostStackOverflowError } from "./errors";
import type { LogCollector } from "./logs";
import { ENGINE_BASE_BYTES, isAtCap, type SandboxModule } from "./module";
import { MiB, type ResolvedOptions } from "./options";
import type { GuestOutcome } from "./output";
import type { RunResult } from "./types";

type AttemptSettings = Pick<ResolvedOptions, "timeoutMs" | "memoryBytes" | "stackBytes" | "maxOutputBytes">;

/**
 * Room kept free during the guest's run for the host's own work afterwards: copying the output
 * out (up to 3 UTF-8 bytes per UTF-16 unit of a JSON text the guest already bounded by
 * maxOutputBytes units) plus reading errors and freeing the runtime.
 */
function headroomBytesFor(maxOutputBytes: number): number {
  return 3 * maxOutputBytes + MiB;
}

/** The wasm memory cap of an instance running with these settings. */
export function instanceBytesFor(settings: AttemptSettings): number {
  return ENGINE_BASE_BYTES + settings.memoryBytes + headroomBytesFor(settings.maxOutputBytes);
}

export interface Attempt {
  outcome: GuestOutcome;
  memoryUsedBytes: number;
}

/** What an attempt that only compiles reports; nobody sees it. */
export const COMPILED: Attempt = { outcome: { ok: true, output: undefined, outputBytes: 0 }, memoryUsedBytes: 0 };

/**
 * One pass of guest work on a sandbox module, shared by runSnippet and SnippetRunner:
 * - holds the host's headroom while `work` runs (work releases it once the snippet is done; a
 *   pass that reads nothing out of the guest may hold none);
 * - after a host-side trap (a native stack overflow or a trap unwinding through wasm mid-operation)
 *   discards the instance, whose shadow stack pointer and QuickJS state are now unknown, and
 *   reports a native stack overflow as the snippet's failure (anything else is a sandbox bug);
 * - otherwise calls `cleanUp` to free what the run left, tolerating (by discarding the instance) a
 *   disposal that fails after the guest exhausted the heap, which QuickJS may not survive cleanly;
 * - discards an instance whose memory the run grew to the cap (wasm memory never shrinks), so
 *   that every run starts below it: "at the cap" after a run then means this run exhausted the
 *   heap, which is what tells a `null` QuickJS threw for want of memory from a `throw null`.
 * Callers tell whether the instance survived from `sandboxModule.discarded`.
 */
export function attempt(
  sandboxModule: SandboxModule,
  settings: AttemptSettings,
  work: (releaseHeadroom: () => void) => Attempt,
  cleanUp: (outcome: GuestOutcome) => void,
  headroomBytes = headroomBytesFor(settings.maxOutputBytes),
): Attempt {
  const releaseHeadroom = headroomBytes > 0 ? sandboxModule.holdHeadroom(headroomBytes) : () => undefined;
  let result: Attempt;
  try {
    result = work(releaseHeadroom);
  } catch (hostError) {
    sandboxModule.discard();
    if (!(hostError instanceof RangeError && /call stack/i.test(hostError.message))) throw hostError;
    return { outcome: { ok: false, error: hostStackOverflowError(settings) }, memoryUsedBytes: 0 };
  }
  releaseHeadroom();
  try {
    cleanUp(result.outcome);
  } catch (disposeError) {
    sandboxModule.discard();
    if (result.outcome.ok || result.outcome.error.kind !== "out-of-memory") throw disposeError;
  }
  if (isAtCap(sandboxModule)) sandboxModule.discard();
  return result;
}

/** What the session measured of a run: wall time and deterministic cost. */
export interface Measured {
  durationMs: number;
  cost: number;
}

export function toRunResult({ outcome, memoryUsedBytes }: Attempt, logs: LogCollector, measured: Measured): RunResult {
  const stats = { ...measured, memoryUsedBytes, outputBytes: outcome.ok ? outcome.outputBytes : 0 };
  return outcome.ok
    ? { ok: true, output: outcome.output, logs: logs.finish(), stats }
    : { ok: false, error: outcome.error, logs: logs.finish(), stats };
}
