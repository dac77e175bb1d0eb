import { ROOT } from "../test/support/dist";
import { medianOfProcess } from "./measure";
import type { Measurement } from "./measurement";

interface BuildFigures {
  build_cold_ms: number;
  tsc_noemit_ms: number;
  build_ratio: number;
}

/** The full build in a fresh process against its floor, a type check of the same sources. */
export const build: Measurement<BuildFigures> = {
  keys: ["build_cold_ms", "tsc_noemit_ms", "build_ratio"],
  doing: "cold build (5 fresh processes) and tsc --noEmit (5)…",
  async measure() {
    const buildColdMs = Math.round(medianOfProcess(process.execPath, ["build/bin/bdt.js", "build"], ROOT, 5));
    const tscNoEmitMs = Math.round(medianOfProcess(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "transforms"], ROOT, 5));
    return { build_cold_ms: buildColdMs, tsc_noemit_ms: tscNoEmitMs, build_ratio: Math.round((buildColdMs / tscNoEmitMs) * 100) / 100 };
  },
  table: (figures) => [
    `build (cold, fresh process)   ${figures.build_cold_ms} ms`,
    `tsc --noEmit (the floor)      ${figures.tsc_noemit_ms} ms`,
    `build / tsc                   ${figures.build_ratio}`,
  ],
};
