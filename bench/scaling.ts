import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "../build/manifest";
import { discoverSources, displayPath, type Project } from "../build/project";
import { ROOT } from "../test/support/dist";
import { scratchProject } from "../test/support/scratch-project";
import { median, timeProcess } from "./measure";
import type { Measurement } from "./measurement";

const FACTORS = [1, 2, 4];
const BUILDS = 3;

interface BuildScaling {
  /** Snippets of each copy's build, as its manifest lists them: events and routers. */
  snippets: number[];
  build_ms: number[];
  /** Least squares of build_ms over snippets. */
  slope_ms_per_snippet: number;
  intercept_ms: number;
  /** r² of that line: 1 is linear. */
  linear: number;
  /** Slope from each size to the next: growing means the build grows faster than its snippets. */
  step_slopes_ms_per_snippet: number[];
}

/** How the cold build grows with the project: copies of it with 1×, 2× and 4× its events, each built from an empty dist/ in a fresh process. */
export const scaling: Measurement<{ build_scaling: BuildScaling }> = {
  keys: ["build_scaling"],
  doing: `cold build of the project copied with ${FACTORS.map((factor) => `${factor}×`).join(", ")} its events (${BUILDS} fresh processes each)…`,
  async measure() {
    const sizes = FACTORS.map(buildTimes);
    const snippets = sizes.map((size) => size.snippets);
    const buildMs = sizes.map((size) => Math.round(size.ms));
    const fit = leastSquares(snippets, buildMs);
    return {
      build_scaling: {
        snippets,
        build_ms: buildMs,
        slope_ms_per_snippet: round(fit.slope, 1),
        intercept_ms: Math.round(fit.intercept),
        linear: round(fit.r2, 3),
        step_slopes_ms_per_snippet: snippets.slice(1).map((n, i) => round((buildMs[i + 1]! - buildMs[i]!) / (n - snippets[i]!), 1)),
      },
    };
  },
  table: ({ build_scaling: s }) => [
    `build scaling                 ${s.snippets.map((n, i) => `${n} snippets ${s.build_ms[i]} ms`).join(", ")}`,
    `                              ${s.slope_ms_per_snippet} ms/snippet (r² ${s.linear}; steps ${s.step_slopes_ms_per_snippet.join(", ")} ms/snippet)`,
  ],
};

/** The median cold build of a scratch copy of the whole project with `factor` times its events. */
function buildTimes(factor: number): { snippets: number; ms: number } {
  const scratch = scratchProject();
  try {
    for (const part of ["transforms", "webhooks"]) cpSync(join(ROOT, part), join(scratch.root, part), { recursive: true });
    multiplyEvents(scratch.project, factor);
    const samples: number[] = [];
    for (let i = 0; i < BUILDS; i++) {
      rmSync(scratch.project.distDir, { recursive: true, force: true });
      samples.push(timeProcess(process.execPath, [join(ROOT, "build/bin/bdt.js"), "build"], scratch.root));
    }
    return { snippets: readManifest(scratch.project).snippets.length, ms: median(samples) };
  } finally {
    scratch.remove();
  }
}

/**
 * Adds `factor - 1` copies of every event module, each a distinct event
 * (`call.completed.copy2`: the file name is the event, so routers and the
 * manifest get one more entry each). The copy keeps its original's payload
 * type, which names the original event, so its new event name is cast for
 * the type check; everything else the build does to it is what it does to
 * the original.
 */
function multiplyEvents(project: Project, factor: number): void {
  for (const source of discoverSources(project)) {
    for (const module of source.events) {
      const text = readFileSync(module.file, "utf8");
      const declared = `event: "${module.event}"`;
      if (text.split(declared).length !== 2) throw new Error(`${displayPath(project, module.file)} must say ${declared} exactly once for its copies to be renamed`);
      for (let copy = 2; copy <= factor; copy++) {
        const event = `${module.event}.copy${copy}`;
        writeFileSync(join(source.dir, `${event}.ts`), text.replace(declared, `event: "${event}" as never`));
      }
    }
  }
}

function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; r2: number } {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const mx = mean(xs);
  const my = mean(ys);
  const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residual = ys.reduce((sum, y, i) => sum + (y - (intercept + slope * xs[i]!)) ** 2, 0);
  const total = ys.reduce((sum, y) => sum + (y - my) ** 2, 0);
  return { slope, intercept, r2: total === 0 ? 1 : 1 - residual / total };
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
