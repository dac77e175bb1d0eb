import { existsSync } from "node:fs";

/**
 * What this process keeps of a project between builds, by key: a later
 * build of the same project (a test's next variant, a watch starting afresh)
 * starts from it. What was kept of a project whose folder is gone (a removed
 * scratch copy) is dropped as the next entry is kept, and `forget` is told
 * its root.
 */
export function keptPerProject<T>(forget: (root: string) => void = () => undefined) {
  const kept = new Map<string, { root: string; value: T }>();
  return {
    get: (key: string): T | undefined => kept.get(key)?.value,
    set(key: string, root: string, value: T): void {
      for (const [other, entry] of kept) {
        if (existsSync(entry.root)) continue;
        kept.delete(other);
        forget(entry.root);
      }
      kept.set(key, { root, value });
    },
  };
}
