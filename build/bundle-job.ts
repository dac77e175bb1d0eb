import type { BundledModule } from "./bundle";
import type { EmittedModules } from "./module-keys";
import { BuildError, crashText } from "./problems";
import type { Project } from "./project";
import type { GeneratedEntry } from "./virtual-modules";

/** The snippets' entries of one build, for the second thread to bundle beside the main one. */
export interface BundleRequest {
  readonly kind: "bundle";
  readonly id: number;
  readonly project: Project;
  readonly modules: EmittedModules;
  readonly entries: readonly GeneratedEntry[];
  /** The index of the next entry to bundle, over shared memory: each thread takes one at a time (Atomics.add), so whichever is free takes it. */
  readonly next: Int32Array;
  /** With fewer entries than this left when the thread is free, it leaves them to the main thread. */
  readonly worthHelping: number;
}

export type BundleReply =
  | { readonly id: number; readonly index: number; readonly bundled: BundledModule }
  | { readonly id: number; readonly index: number; readonly failure: { readonly summary: string; readonly problems: readonly string[] } }
  | { readonly id: number; readonly crash: string }
  | { readonly id: number; readonly done: true };

/**
 * On the second thread: bundles entries as long as there are any left to
 * take (if enough are left to be worth loading rollup here), replying with
 * each, and stops at its first failure (the main thread reports failures in
 * plan order, so nothing after one is needed).
 */
export async function runBundleJob({ id, project, modules, entries, next, worthHelping }: BundleRequest, reply: (message: BundleReply) => void): Promise<void> {
  try {
    if (entries.length - Atomics.load(next, 0) < worthHelping) return;
    const { keepParsed, resumeBundler } = await import("./bundle");
    const bundle = resumeBundler(project, modules);
    for (let index = Atomics.add(next, 0, 1); index < entries.length; index = Atomics.add(next, 0, 1)) {
      const entry = entries[index]!;
      try {
        reply({ id, index, bundled: await bundle(entry.key, entry.modules) });
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        reply({ id, index, failure: { summary: error.summary, problems: error.problems } });
        return;
      }
    }
    keepParsed(project, bundle);
  } catch (error) {
    reply({ id, crash: crashText(error) });
  } finally {
    reply({ id, done: true });
  }
}
