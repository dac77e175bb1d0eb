import fc from "fast-check";
import { describe, test } from "vitest";
import { readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { openEngine, type Engine } from "./engines";
import { assertAcceptable } from "./outcome";
import { casesAt, fullStrength } from "./strength";
import { mutatedPayloads, seedFor } from "./subjects";

/*
 * Every built snippet, run on mutations of its events' documented payloads
 * (rule-breaking keys and values included), returns a valid request or
 * throws one of our deliberate errors: never a TypeError, a timeout, an
 * invalid request or nothing. In QuickJS (the Braze-like sandbox) and, on
 * the first of the same payloads, in V8. Every router and the first snippet
 * of each shape at full strength, the others of a shape at a reduced count
 * (./strength.ts). Seeded per snippet (FUZZ_SEED overrides): a failure prints
 * the seed, the shrunk list of mutations and the payload it made.
 */
const RUNS: Record<Engine, number> = {
  quickjs: Number(process.env.FUZZ_RUNS ?? 1000),
  // A fresh V8 context per payload costs more than a warm sandbox run.
  v8: Number(process.env.FUZZ_V8_RUNS ?? 120),
};
/** The suite for the manifest's snippets `include` selects; split over files so test workers share the load. */
export function describeFuzz(include: (snippet: ManifestSnippet, index: number) => boolean): void {
  const full = fullStrength(readManifest());
  describe.each(readManifest().filter(include).map((snippet) => [snippet.id, snippet] as const))("%s", (id, snippet) => {
    test.each(Object.keys(RUNS) as Engine[])(`in %s, returns a valid request or a deliberate error for every mutated payload`, async (engine) => {
      const runner = await openEngine(engine, readSnippet(snippet));
      try {
        await fc.assert(
          fc.asyncProperty(await mutatedPayloads(snippet), async ({ payload }) => assertAcceptable(await runner.run(payload), snippet.destination)),
          { numRuns: casesAt(RUNS[engine], full.get(id)!), seed: seedFor(id) },
        );
      } finally {
        runner.dispose();
      }
    });
  });
}
