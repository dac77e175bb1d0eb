import type { BundledModule, Bundler } from "./bundle";
import type { BundleReply, BundleRequest } from "./bundle-job";
import { hold, sendRequest, type ThreadReply } from "./build-thread";
import { GATES, type Checks } from "./checks";
import type { EmittedModules } from "./module-keys";
import type { SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { buildSnippet, type BuiltSnippet, type SnippetContext } from "./snippet";
import { snippetEntry } from "./virtual-modules";

/**
 * Fewer plans left than this when the second thread is free, and it leaves
 * them to the main one: loading rollup there and bundling its first plans
 * without a cache of parsed modules costs about as much as that many
 * bundles. At the project's own size the checks end with 2 to 5 plans left,
 * and helping with them made the build no faster.
 */
const WORTH_HELPING = 16;

/**
 * Every plan bundled and made into its snippet, in plan order. The build's
 * second thread, once its checks are done, bundles too: both threads take
 * the next plan off one shared counter, so neither sits idle while the other
 * still has bundles to make (with four times the events, the checks ended
 * at 55% of the build, and the bundling went on alone). The snippets are
 * made from the bundles here, in plan order, so a build fails on the same
 * first problem as one thread bundling everything would. `worthHelping`:
 * see WORTH_HELPING.
 */
export async function bundleSnippets(context: SnippetContext, bundle: Bundler, modules: EmittedModules, plans: readonly SnippetPlan[], checks: Checks, worthHelping = WORTH_HELPING): Promise<BuiltSnippet[]> {
  const entries = plans.map(snippetEntry);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const slots = entries.map(() => new Slot());
  const release = hold();
  sendRequest((id) => ({ kind: "bundle", id, project: context.project, modules, entries, next, worthHelping }) satisfies BundleRequest, {
    reply(message: ThreadReply) {
      const reply = message as BundleReply;
      if ("done" in reply) return true;
      if ("crash" in reply) {
        const error = new Error(`bundling on the build's second thread crashed: ${reply.crash}`);
        for (const slot of slots) slot.reject(error);
        return true;
      }
      const slot = slots[reply.index]!;
      if ("bundled" in reply) slot.resolve(reply.bundled);
      else slot.reject(new BuildError(reply.failure.summary, reply.failure.problems));
      return false;
    },
    fail: (error) => slots.forEach((slot) => slot.reject(error)),
  });
  const snippets: BuiltSnippet[] = [];
  const makeReady = async (all: boolean) => {
    for (let index = snippets.length; index < plans.length && (all || slots[index]!.settled); index = snippets.length) {
      snippets.push(await buildSnippet(context, plans[index]!, await slots[index]!.bundled));
    }
  };
  try {
    for (let index = Atomics.add(next, 0, 1); index < entries.length; index = Atomics.add(next, 0, 1)) {
      // The checks' verdict comes as a message, which gets its turn between bundles: once a check failed, bundling more is wasted.
      await new Promise(setImmediate);
      if (checks.failedAlready(GATES.types)) await checks.passed(GATES.types);
      const slot = slots[index]!;
      const entry = entries[index]!;
      await bundle(entry.key, entry.modules).then(
        (bundled) => slot.resolve(bundled),
        (error: unknown) => {
          slot.reject(error);
          Atomics.store(next, 0, entries.length);
        },
      );
      await makeReady(false);
    }
    await makeReady(true);
    return snippets;
  } finally {
    // Whatever stopped this (a failure, a failed check), the other thread takes nothing more.
    Atomics.store(next, 0, entries.length);
    release();
  }
}

/** One plan's bundle, from whichever thread made it. */
class Slot {
  settled = false;
  readonly bundled: Promise<BundledModule>;
  private settle!: { resolve: (bundled: BundledModule) => void; reject: (error: unknown) => void };

  constructor() {
    this.bundled = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Awaited in plan order: one that fails after an earlier failure is never awaited.
    this.bundled.catch(() => undefined);
  }

  resolve(bundled: BundledModule): void {
    this.settled = true;
    this.settle.resolve(bundled);
  }

  reject(error: unknown): void {
    this.settled = true;
    this.settle.reject(error);
  }
}
