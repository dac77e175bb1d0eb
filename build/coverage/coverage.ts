import { join, relative } from "node:path";
import type { CoverageMap } from "istanbul-lib-coverage";
import { requireFreshDist } from "../cli/fresh-dist";
import type { Io } from "../cli/io";
import { readFixtures } from "../fixtures";
import { readManifest } from "../manifest";
import type { Project } from "../project";
import { collectCoverage } from "./collect";
import { readSourceMap, sourceCoverage } from "./map";
import { REPORT_FILES, writeReports } from "./report";

/**
 * `npm run coverage`: every fixture through the built snippets in V8, counted
 * back onto transforms/ through the source maps; the text table and a
 * summary line on `io`, the standard reports in `dir`.
 */
export async function runCoverage(project: Project, dir: string, io: Io): Promise<CoverageMap> {
  requireFreshDist(project);
  const snippets = readManifest(project).snippets;
  const sourceMaps = new Map(snippets.map((snippet) => [snippet.id, readSourceMap(project, join(project.distDir, snippet.file))]));
  const fixtures = readFixtures(project.root);
  const collected = await collectCoverage(project, snippets, fixtures);
  const coverage = await sourceCoverage(project, collected, sourceMaps);
  for (const line of writeReports(project, coverage, dir)) io.out(line);
  const { lines, branches } = coverage.getCoverageSummary();
  const shown = relative(io.cwd, dir) || ".";
  io.out(
    `coverage: lines ${lines.pct}% (${lines.covered}/${lines.total}), branches ${branches.pct}% (${branches.covered}/${branches.total}) ` +
      `in ${coverage.files().length} transforms/ files (fixtures: ${fixtures.length}, snippets: ${snippets.length}); ` +
      `reports in ${shown}/: ${REPORT_FILES.lcov}, ${REPORT_FILES.json}, ${REPORT_FILES.html}`,
  );
  return coverage;
}
