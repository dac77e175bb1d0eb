import { ROOT } from "../test/support/dist";
import { mediansOfInterleaved } from "./measure";
import type { Measurement } from "./measurement";

interface BuildFigures {
  build_cold_ms: number;
  tsc_noemit_ms: number;
  build_ratio: number;
}

/**
 * The full build in a fresh process against its floor: the two type checks
 * it runs, of transforms/ and of webhooks/ (each tsconfig.json is what the
 * build checks), each the median of its own fresh processes, summed; the
 * three commands run in turn (mediansOfInterleaved). Two `tsc` runs, not
 * one `tsc -b`: the projects are not composite, and a build mode run writes
 * .tsbuildinfo files, which the build never does.
 */
export const build: Measurement<BuildFigures> = {
  keys: ["build_cold_ms", "tsc_noemit_ms", "build_ratio"],
  doing: "cold build, tsc --noEmit -p transforms and -p webhooks, in turn (5 fresh processes each)…",
  async measure() {
    const tsc = (project: string) => [process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", project]] as const;
    const [build, transforms, webhooks] = mediansOfInterleaved([[process.execPath, ["build/bin/bdt.js", "build"]], tsc("transforms"), tsc("webhooks")], ROOT, 5);
    const buildColdMs = Math.round(build!);
    const tscNoEmitMs = Math.round(transforms! + webhooks!);
    return { build_cold_ms: buildColdMs, tsc_noemit_ms: tscNoEmitMs, build_ratio: Math.round((buildColdMs / tscNoEmitMs) * 100) / 100 };
  },
  table: (figures) => [
    `build (cold, fresh process)   ${figures.build_cold_ms} ms`,
    `tsc --noEmit ×2 (the floor)   ${figures.tsc_noemit_ms} ms`,
    `build / tsc                   ${figures.build_ratio}`,
  ],
};
