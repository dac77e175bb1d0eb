import { relative } from "node:path";
import { ROOT } from "../test/support/dist";
import { documentedFixture } from "./documented";
import { medianOfProcess, timeProcess } from "./measure";
import type { Measurement } from "./measurement";

const RUNS = 10;

/**
 * What a user waits for at the prompt after `npm run build`: `bdt run` of one
 * snippet on one file, the whole process (the CLI, the sandbox). `npm run
 * build` brings the CLI bundle up to date first, and so does this: the bench's
 * own builds run `bdt build`, which does not.
 */
export const cli: Measurement<{ cli_run_ms: number }> = {
  keys: ["cli_run_ms"],
  doing: `bdt run regal/call.completed (1 warm-up, ${RUNS} fresh processes)…`,
  async measure() {
    timeProcess(process.execPath, ["--import", "tsx", "build/cli-bundle/refresh.ts"], ROOT);
    const fixture = relative(ROOT, documentedFixture("regal", "call.completed").path);
    return { cli_run_ms: Math.round(medianOfProcess(process.execPath, ["build/bin/bdt.js", "run", "regal/call.completed", fixture], ROOT, RUNS, 1)) };
  },
  table: (figures) => [`bdt run (fresh process)       ${figures.cli_run_ms} ms`],
};
