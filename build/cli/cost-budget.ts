import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Settings } from "../../transforms/lib/settings";
import { unchangedSince } from "../cli-bundle/stamp.js";
import { displayPath, type Project } from "../project";
import { readRecordFile } from "../record-file";
import { sourceRecords, type RecordedSources } from "../source-inputs";
import { typeScriptImports } from "../typescript-imports";

/*
 * `bdt run`'s verdict line gives the cost as a share of the settings'
 * budget. The settings file is TypeScript, and the bundled CLI
 * (build/cli-bundle) loads none: the build records the budget with the
 * sources it was read from, and a run uses the record while those are
 * unchanged. Otherwise (no build yet, a source changed since, another
 * settings file) it imports the settings file, registering tsx when no
 * loader is there (typescript-imports.ts).
 */

/** With every source of dist/ (sourceRecords): the settings module may import any. */
interface BudgetRecord extends RecordedSources {
  readonly settingsFile: string;
  readonly costBudget: number | null;
}

/** Kept beside the dist stamp, out of git like it. */
function recordFile(project: Project): string {
  return join(project.root, "node_modules", ".cache", "bdt", "cost-budget.json");
}

/**
 * Records the budget of the settings as they are (after a build, which has
 * imported the project's TypeScript already), with the sources as `recorded`
 * (the dist stamp just taken) or as they are now.
 */
export async function recordCostBudget(project: Project, recorded: RecordedSources = { recordedAt: Date.now(), sources: sourceRecords(project, readRecord(project)) }): Promise<void> {
  const record: BudgetRecord = { settingsFile: displayPath(project, project.settingsFile), ...recorded, costBudget: (await importedBudget(project)) ?? null };
  mkdirSync(dirname(recordFile(project)), { recursive: true });
  writeFileSync(recordFile(project), `${JSON.stringify(record)}\n`);
}

/** The workspace's cost budget; undefined when the settings file or its budget is missing. */
export async function costBudget(project: Project): Promise<number | undefined> {
  if (!existsSync(project.settingsFile)) return undefined;
  const record = readRecord(project);
  const settingsFile = displayPath(project, project.settingsFile);
  // A file added since cannot change the budget unless a recorded one changed to import it.
  const current = record?.settingsFile === settingsFile && settingsFile in record.sources && unchangedSince(project.root, record.sources, record.recordedAt);
  return current ? (record.costBudget ?? undefined) : importedBudget(project);
}

/** The record, when there is one this bdt wrote: none yet, one torn by a build writing it or one of another shape, and the settings file says. */
function readRecord(project: Project): BudgetRecord | undefined {
  const record = readRecordFile<BudgetRecord>(recordFile(project));
  const budget = record?.costBudget;
  return typeof record?.settingsFile === "string" && typeof record.recordedAt === "number" && (budget === null || typeof budget === "number") ? (record as BudgetRecord) : undefined;
}

async function importedBudget(project: Project): Promise<number | undefined> {
  if (!existsSync(project.settingsFile)) return undefined;
  await typeScriptImports();
  const settings = (await import(pathToFileURL(project.settingsFile).href)) as { default?: Partial<Settings> };
  return settings.default?.costBudget;
}
