import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { recordCostBudget } from "../../build/cli/cost-budget";
import { ROOT } from "../support/dist";
import { FIXTURES } from "../support/fixtures";
import { scratchProject } from "../support/scratch-project";

/*
 * bdt run's cost line names the settings' budget; the bundled CLI reads it
 * from what the build recorded, and must not keep showing it once the
 * settings say otherwise.
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());
const run = promisify(execFile);

async function costLine(): Promise<string> {
  const snippet = join(ROOT, "dist", "regal", "call.completed.js");
  const { stderr } = await run(process.execPath, [join(ROOT, "build/bin/bdt.js"), "run", snippet, join(FIXTURES, "regal", "call.completed", "regal-documented.json")], { cwd: scratch.root });
  return stderr.trim();
}

test("the recorded budget, then the settings' own once they change", async () => {
  await recordCostBudget(scratch.project);
  expect(await costLine()).toMatch(/% of the 200 budget\)$/);
  const settings = readFileSync(scratch.project.settingsFile, "utf8");
  expect(settings).toContain("costBudget: 200,");
  scratch.write("transforms/settings.ts", settings.replace("costBudget: 200,", "costBudget: 2000,"));
  expect(await costLine()).toMatch(/% of the 2,000 budget\)$/);
});
