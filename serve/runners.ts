import { openSnippetRunner, type EngineName, type RunResult, type SnippetRunner } from "../sandbox";
import type { CatalogSnippet, DistCatalog } from "./dist-catalog";

/**
 * One warm sandbox runner per snippet, opened on its first request (each is
 * a QuickJS instance of its own: opening all of dist/ up front would cost
 * memory for snippets nobody posts to) and replaced when its code changes.
 *
 * A run blocks the event loop (QuickJS runs synchronously, for at most the
 * sandbox's 1 s), so each queued run first yields to it: deadlines fire,
 * the Logs page answers, and a run whose request was already answered is
 * skipped instead of delaying the ones behind it.
 */
export interface RunnerPool {
  /** The run's result, or undefined when `abandoned` was aborted before its turn came. */
  run(snippet: CatalogSnippet, payload: unknown, headers: Record<string, string>, abandoned?: AbortSignal): Promise<RunResult | undefined>;
  /** Disposes the runners of code the catalog no longer holds, once their queued runs are done. */
  retain(catalog: DistCatalog): void;
  dispose(): Promise<void>;
}

interface Warm {
  readonly runner: Promise<SnippetRunner>;
  /** Settles when the last run queued on it does. */
  last: Promise<unknown>;
}

export function createRunnerPool(engine: EngineName): RunnerPool {
  const warm = new Map<string, Warm>();
  const key = (snippet: Pick<CatalogSnippet, "id" | "sha256">) => `${snippet.id}@${snippet.sha256}`;
  const retire = (entry: Warm) =>
    entry.last
      .then(() => entry.runner)
      .then((runner) => runner.dispose())
      .catch(() => undefined);
  return {
    run(snippet, payload, headers, abandoned) {
      let entry = warm.get(key(snippet));
      if (!entry) {
        entry = { runner: openSnippetRunner(snippet.code, { engine }), last: Promise.resolve() };
        warm.set(key(snippet), entry);
      }
      const { runner } = entry;
      const result = entry.last
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(async () => (abandoned?.aborted ? undefined : (await runner).run(payload, { headers })));
      entry.last = result.catch(() => undefined);
      return result;
    },
    retain(catalog) {
      for (const [id, entry] of warm) {
        const snippet = catalog.snippets.get(id.slice(0, id.lastIndexOf("@")));
        if (snippet && key(snippet) === id) continue;
        warm.delete(id);
        void retire(entry);
      }
    },
    async dispose() {
      const entries = [...warm.values()];
      warm.clear();
      await Promise.all(entries.map(retire));
    },
  };
}
