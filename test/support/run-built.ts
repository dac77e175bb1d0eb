import { openSnippetRunner, type RunResult, type SnippetRunner } from "../../sandbox";
import { readSnippet, type ManifestSnippet } from "./dist";
import { TEST_ENGINE } from "./engine";

const runners = new Map<string, Promise<SnippetRunner>>();

/**
 * Runs a built snippet from dist/ in the sandbox, in TEST_ENGINE. One runner per snippet and
 * test file: the snippet is compiled once, each run still gets a fresh
 * payload, clock and console (test/sandbox/runner.test.ts checks the results
 * equal fresh-runtime runs).
 */
export async function runBuilt(snippet: ManifestSnippet, payload: unknown, headers?: Record<string, string>): Promise<RunResult> {
  let runner = runners.get(snippet.id);
  if (!runner) {
    runner = openSnippetRunner(readSnippet(snippet), { engine: TEST_ENGINE });
    runners.set(snippet.id, runner);
  }
  return (await runner).run(payload, { headers });
}
