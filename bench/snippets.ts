import { minifySnippet } from "../build/minify";
import { openSnippetRunner, runSnippet } from "../sandbox";
import { readManifest, readSnippet, type ManifestSnippet } from "../test/support/dist";
import { discoverFixtures, type Fixture } from "../test/support/fixtures";
import { compileAnew, runInV8 } from "../test/support/v8";
import { medianMicros } from "./measure";
import type { Measurement } from "./measurement";

interface SnippetFigures {
  isolated_us: number;
  first_run_us: number;
  reused_us: number;
  node_vm_us: number;
  bytes: number;
  min_bytes: number;
  cost: number;
}

/**
 * Each built snippet on its source's documented payload in a fresh QuickJS runtime (once its
 * compiled runtime is kept, and on its first run, which compiles it), a reused one and a fresh
 * Node vm context; its sizes; its cost on its largest fixture.
 */
export const snippets: Measurement<{ snippets: Record<string, SnippetFigures> }> = {
  keys: ["snippets"],
  doing: "each snippet: fresh runtime, reused runtime, Node vm, sizes, cost…",
  async measure() {
    const fixtures = discoverFixtures();
    const figures: Record<string, SnippetFigures> = {};
    for (const snippet of readManifest()) figures[snippet.id] = await snippetFigures(snippet, fixtures);
    return { snippets: figures };
  },
  table(figures) {
    const width = Math.max(...Object.keys(figures.snippets).map((id) => id.length));
    return [
      "",
      `${"snippet".padEnd(width)} ${"fresh µs".padStart(9)} ${"first µs".padStart(9)} ${"reused µs".padStart(9)} ${"node vm µs".padStart(10)} ${"bytes".padStart(7)} ${"min".padStart(6)} ${"cost".padStart(5)}`,
      ...Object.entries(figures.snippets).map(
        ([id, s]) =>
          `${id.padEnd(width)} ${String(s.isolated_us).padStart(9)} ${String(s.first_run_us).padStart(9)} ${String(s.reused_us).padStart(9)} ${String(s.node_vm_us).padStart(10)} ${String(s.bytes).padStart(7)} ${String(s.min_bytes).padStart(6)} ${String(s.cost).padStart(5)}`,
      ),
    ];
  },
};

async function snippetFigures(snippet: ManifestSnippet, fixtures: readonly Fixture[]): Promise<SnippetFigures> {
  const code = readSnippet(snippet);
  const cases = fixtures.filter((fixture) => fixture.source === snippet.source && snippet.events.includes(fixture.event));
  const documented = (cases.find((fixture) => fixture.name === `${snippet.source}-documented`) ?? cases[0])!.data.payload;
  const runner = await openSnippetRunner(code);
  const reusedUs = await medianMicros(() => runner.run(documented), 200);
  runner.dispose();
  const largest = cases.reduce((a, b) => (JSON.stringify(b.data.payload).length > JSON.stringify(a.data.payload).length ? b : a));
  let firstRuns = 0;
  return {
    isolated_us: await medianMicros(() => runSnippet(code, documented), 30),
    // A text no run has compiled yet: the snippet with a comment of its own at the end.
    first_run_us: await medianMicros(() => runSnippet(`${code}\n// first run ${++firstRuns}`, documented), 30),
    reused_us: reusedUs,
    // Parsed in each run, as in a context that never saw the snippet: the reference the goal measures reused_us against.
    node_vm_us: await medianMicros(() => runInV8(code, documented, {}, compileAnew), 30),
    bytes: Buffer.byteLength(code),
    min_bytes: Buffer.byteLength(await minifySnippet(snippet.id, code)),
    cost: (await runSnippet(code, largest.data.payload)).stats.cost,
  };
}
