/**
 * A long mutation campaign: `npm run fuzz -- --runs 100000 [--seed N] [--only call.] [--engine quickjs|v8]`.
 * Prints, per snippet, the cases run, how many failed and the slowest case.
 * Cases are drawn in seeded batches so every failure is counted; the first
 * failing batch is then re-run by fast-check, which prints its seed and the
 * shrunk payload to replay with `bdt run`.
 */
import fc from "fast-check";
import { parseArgs } from "node:util";
import { readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { ENGINES, openEngine, type Engine, type EngineRunner } from "./engines";
import { assertAcceptable, unacceptable } from "./outcome";
import { mutatedPayloads, seedFor } from "./subjects";

const BATCH = 500;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    seed: { type: "string" },
    only: { type: "string", default: "" },
    engine: { type: "string", default: "quickjs" },
  },
});
if (!(ENGINES as readonly string[]).includes(values.engine)) {
  console.error(`--engine must be one of ${ENGINES.join(", ")}, not ${JSON.stringify(values.engine)}`);
  process.exit(2);
}
const engine = values.engine as Engine;
if (values.seed !== undefined) process.env.FUZZ_SEED = values.seed;
const runs = Number(values.runs);

let failedSnippets = 0;
console.log(`${`snippet (${engine})`.padEnd(40)} ${"cases".padStart(8)} ${"failures".padStart(8)} ${"slowest".padStart(10)}`);
for (const snippet of readManifest().filter((s) => s.id.includes(values.only))) {
  const runner = await openEngine(engine, readSnippet(snippet));
  const payloads = await mutatedPayloads(snippet);
  let cases = 0;
  let failures = 0;
  let slowest = 0;
  let firstFailingSeed: number | undefined;
  for (let batch = 0; cases < runs; batch++) {
    const seed = seedFor(snippet.id) + batch;
    for (const { payload } of fc.sample(payloads, { numRuns: Math.min(BATCH, runs - cases), seed })) {
      const start = performance.now();
      const result = await runner.run(payload);
      slowest = Math.max(slowest, performance.now() - start);
      if (unacceptable(result, snippet.destination)) {
        failures++;
        firstFailingSeed ??= seed;
      }
      cases++;
    }
  }
  console.log(`${snippet.id.padEnd(40)} ${String(cases).padStart(8)} ${String(failures).padStart(8)} ${`${slowest.toFixed(1)} ms`.padStart(10)}`);
  if (firstFailingSeed !== undefined) {
    failedSnippets++;
    await printShrunk(snippet, runner, payloads, firstFailingSeed);
  }
  runner.dispose();
}
process.exitCode = failedSnippets > 0 ? 1 : 0;

async function printShrunk(snippet: ManifestSnippet, runner: EngineRunner, payloads: fc.Arbitrary<{ payload: unknown }>, seed: number) {
  const details = await fc.check(
    fc.asyncProperty(payloads, async ({ payload }) => assertAcceptable(await runner.run(payload), snippet.destination)),
    { numRuns: BATCH, seed },
  );
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  console.log(`  seed ${seed}: ${error}`);
  console.log(`  shrunk payload: ${JSON.stringify(details.counterexample?.[0]?.payload)}`);
}
