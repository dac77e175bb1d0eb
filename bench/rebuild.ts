import { execFileSync } from "node:child_process";
import { ROOT } from "../test/support/dist";
import type { Measurement } from "./measurement";

const SAVES = 20;

/**
 * In a process of its own (bench/watch-saves.ts), as `bdt build --watch`
 * runs: after the bench's other measurements, this process's heap holds the
 * garbage of thousands of runs, which collecting makes every save slower than
 * any user's watch is.
 */
export const rebuild: Measurement<{ rebuild_one_ms: number }> = {
  keys: ["rebuild_one_ms"],
  doing: `watch mode: ${SAVES} saves of one transform, in a process of its own…`,
  measure: async () => {
    const output = execFileSync(process.execPath, ["--import", "tsx", "bench/watch-saves.ts", String(SAVES)], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    return { rebuild_one_ms: Math.round(Number(output.trim().split("\n").pop())) };
  },
  table: (figures) => [`watch: save → snippets written, fixtures compared ${figures.rebuild_one_ms} ms`],
};
