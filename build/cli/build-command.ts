import { existsSync } from "node:fs";
import { buildThread } from "../build-thread";
import { staleFiles, writeDist } from "../dist";
import { BuildError } from "../problems";
import { projectAt, type Project } from "../project";
import { stampDist } from "../source-inputs";
import { parseCommandArgs, UsageError } from "./args";
import { recordCostBudget } from "./cost-budget";
import type { Io } from "./io";

export async function buildCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: {
      check: { type: "boolean", default: false },
      min: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      settings: { type: "string" },
      watch: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`bdt build takes no arguments, got "${positionals[0]}"`);
  const project = projectAt(io.cwd, values.settings);
  if (!existsSync(project.settingsFile)) throw new UsageError(`settings file not found: ${values.settings ?? project.settingsFile}`);
  if (values.json && !values.check) throw new UsageError("--json goes with --check: it prints the stale files as JSON");

  if (values.watch) {
    if (values.check || values.min || values.strict) throw new UsageError("--watch writes dist/ as you edit: it does not combine with --check, --min or --strict");
    return watchUntilInterrupted(project, io);
  }
  // The build's second thread first: it loads its compiler while this one loads the bundler.
  buildThread();
  const { buildProject } = await import("../build");
  const output = await buildProject(project, { minify: values.min, strict: values.strict });
  for (const warning of output.warnings) io.err(`warning: ${warning}`);
  if (values.check) {
    const stale = staleFiles(project, output.files);
    if (stale.length === 0) await recordFreshDist(project);
    if (values.json) {
      io.out(JSON.stringify({ upToDate: stale.length === 0, files: output.files.size, stale }));
      return stale.length === 0 ? 0 : 1;
    }
    if (stale.length > 0) throw new BuildError("dist/ is out of date with the sources: run npm run build and commit dist/", stale);
    io.out(`dist/ is up to date (${output.files.size} files)`);
    return 0;
  }
  const { written, removed } = writeDist(project, output.files);
  await recordFreshDist(project);
  for (const file of written) io.out(`wrote dist/${file} (${Buffer.byteLength(output.files.get(file) ?? "")} bytes)`);
  for (const file of removed) io.out(`removed dist/${file}`);
  io.out(`built ${output.snippets.length} snippets, ${written.length} files changed`);
  return 0;
}

/** dist/ is what the sources build: recorded for the stale-dist check, and the settings' cost budget for bdt run, which loads no TypeScript. */
async function recordFreshDist(project: Project): Promise<void> {
  await recordCostBudget(project, stampDist(project));
}

/** Runs until Ctrl-C; each rebuild prints its own lines. */
async function watchUntilInterrupted(project: Project, io: Io): Promise<number> {
  // Loaded only here: the watch brings the sandbox (fixture verdicts), which a build does not need.
  const { watchProject } = await import("../watch");
  const watcher = watchProject(project, io);
  io.out("watching transforms/ (Ctrl-C to stop)");
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  await watcher.close();
  return 0;
}
