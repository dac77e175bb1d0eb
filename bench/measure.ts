import { execFileSync } from "node:child_process";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Wall time of one run of a command in a fresh process. stdout is ignored; a
 * run that fails throws with the command and the last line it wrote on
 * stderr, so a broken command is never timed as a fast one.
 */
export function timeProcess(command: string, args: readonly string[], cwd: string): number {
  const started = performance.now();
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { status, stderr } = error as { status?: number | null; stderr?: Buffer };
    const last = String(stderr ?? "").trim().split("\n").pop() || "nothing on stderr";
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed with exit code ${status ?? "none"}: ${last}`);
  }
  return performance.now() - started;
}

/** Median wall time of a command run `times` times, each in a fresh process, after `warmUp` untimed runs (they fill the OS caches). */
export function medianOfProcess(command: string, args: readonly string[], cwd: string, times: number, warmUp = 0): number {
  for (let i = 0; i < warmUp; i++) timeProcess(command, args, cwd);
  return median(Array.from({ length: times }, () => timeProcess(command, args, cwd)));
}

/** Median microseconds of `run`, after a warm-up. */
export async function medianMicros(run: () => Promise<unknown> | unknown, times: number, warmUp = 5): Promise<number> {
  for (let i = 0; i < warmUp; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push((performance.now() - started) * 1000);
  }
  return Math.round(median(samples));
}

/**
 * Median wall time of each command, run `times` rounds, each round running
 * every command once in a fresh process, in turn: on a shared machine whose
 * speed drifts over a minute, commands compared with each other then see the
 * same drift.
 */
export function mediansOfInterleaved(commands: readonly (readonly [string, readonly string[]])[], cwd: string, times: number): number[] {
  const samples = commands.map((): number[] => []);
  for (let round = 0; round < times; round++) commands.forEach(([command, args], i) => samples[i]!.push(timeProcess(command, args, cwd)));
  return samples.map(median);
}
