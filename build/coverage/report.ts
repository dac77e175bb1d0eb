import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { CoverageMap } from "istanbul-lib-coverage";
import libReport from "istanbul-lib-report";
import reports from "istanbul-reports";
import type { Project } from "../project";

/** What a run leaves in its report folder, by istanbul's standard names. */
export const REPORT_FILES = {
  lcov: "lcov.info",
  json: "coverage-final.json",
  html: join("lcov-report", "index.html"),
  text: "coverage.txt",
} as const;

/**
 * Writes the reports into `dir`, emptied first so no page of a file that is
 * gone stays behind: lcov.info (paths relative to the project) with its HTML
 * pages, coverage-final.json, and the text table, whose lines it returns.
 * The table is not cut to the terminal's width: the uncovered line ranges are
 * what a reviewer reads it for.
 */
export function writeReports(project: Project, coverage: CoverageMap, dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  const context = libReport.createContext({ dir, coverageMap: coverage, defaultSummarizer: "nested" });
  reports.create("lcov", { projectRoot: project.root }).execute(context);
  reports.create("json", { file: REPORT_FILES.json }).execute(context);
  reports.create("text", { file: REPORT_FILES.text, maxCols: 0 }).execute(context);
  return readFileSync(join(dir, REPORT_FILES.text), "utf8").trimEnd().split("\n");
}
