import fc from "fast-check";
import { describe, test } from "vitest";
import type { ManifestSnippet } from "../support/dist";
import { openSnippetRunner } from "../../sandbox";
import { readManifest, readSnippet } from "../support/dist";
import { documentedPayload, seedFor } from "./campaign-setup";
import { mutatedPayload } from "./mutations";
import { unacceptable } from "./outcome";

/*
 * Every built snippet, run in the sandbox on mutations of its events'
 * documented payloads, returns a valid request or throws one of our
 * deliberate errors: never a TypeError, a timeout, an invalid request or
 * nothing. Seeded per snippet (FUZZ_SEED overrides): a failure prints the
 * seed, the shrunk list of mutations and the payload it made.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** The suite for the snippets `include` selects; split over files so test workers share the load. */
export function describeFuzz(include: (snippet: ManifestSnippet) => boolean): void {
  describe.each(readManifest().filter(include).map((snippet) => [snippet.id, snippet] as const))("%s", (id, snippet) => {
    test(`returns a valid request or a deliberate error for ${RUNS} mutated payloads`, async () => {
      const runner = await openSnippetRunner(readSnippet(snippet));
      try {
        const payloads = fc.constantFrom(...snippet.events.map(documentedPayload)).chain(mutatedPayload);
        await fc.assert(
          fc.asyncProperty(payloads, async ({ payload }) => {
            const problem = unacceptable(await runner.run(payload), snippet.destination);
            if (problem) throw new Error(problem);
          }),
          { numRuns: RUNS, seed: seedFor(id) },
        );
      } finally {
        runner.dispose();
      }
    });
  });
}
