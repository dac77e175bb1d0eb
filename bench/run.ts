/**
 * `npm run bench [-- --json] [-- --only key,key] [-- --skip-suite]`: build,
 * CLI, server and run costs measured in one run on this machine, against the
 * floors they cannot beat. With --json the last line of stdout is one JSON
 * object (the keys of issues 5 and 13). Not part of `npm test`: timings on a
 * shared machine are reported, never asserted.
 */
import { parseArgs } from "node:util";
import { build } from "./build";
import { cli } from "./cli";
import { progress, type SomeMeasurement } from "./measurement";
import { rebuild } from "./rebuild";
import { scaling } from "./scaling";
import { serve } from "./serve";
import { snippets } from "./snippets";
import { suite } from "./suite";
import { webhooks } from "./webhooks";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    "skip-suite": { type: "boolean", default: false },
    only: { type: "string" },
  },
});

// In the order they run. bdt run and bdt serve refuse a stale dist/, so they come right after the builds that refresh it; the suite, the longest, last.
const MEASUREMENTS: readonly SomeMeasurement[] = [build, cli, serve, webhooks, snippets, rebuild, scaling, suite(values["skip-suite"])];

const chosen = chosenMeasurements(values.only);
const started = performance.now();
const result: Record<string, unknown> = {};
const lines: string[] = [];
for (const measurement of chosen) {
  progress(measurement.doing);
  const figures = await measurement.measure().catch((error: Error) => {
    // A measurement that could not be taken is reported as one line, never as a number.
    progress(`error: ${error.message}`);
    process.exit(1);
  });
  Object.assign(result, figures);
  lines.push(...measurement.table(figures));
}
progress("");
for (const line of lines) progress(line);
progress(`\nbench took ${Math.round((performance.now() - started) / 1000)} s`);
if (values.json) console.log(JSON.stringify(result));

/** Every measurement, or those filling a key --only names (a measurement fills all its keys: build_ratio needs both builds). */
function chosenMeasurements(only: string | undefined): readonly SomeMeasurement[] {
  if (only === undefined) return MEASUREMENTS;
  const known = MEASUREMENTS.flatMap((measurement) => measurement.keys);
  const keys = only.split(",").map((key) => key.trim()).filter((key) => key !== "");
  const unknown = keys.filter((key) => !known.includes(key));
  if (keys.length === 0 || unknown.length > 0) {
    progress(`bench: --only takes comma-separated keys among ${known.join(", ")}; got "${only}"`);
    process.exit(2);
  }
  return MEASUREMENTS.filter((measurement) => measurement.keys.some((key) => keys.includes(key)));
}
