import { execFileSync } from "node:child_process";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall time of a command run `times` times, each in a fresh process. */
export function medianOfProcess(command: string, args: readonly string[], cwd: string, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    execFileSync(command, args, { cwd, stdio: "ignore" });
    samples.push(performance.now() - started);
  }
  return median(samples);
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
