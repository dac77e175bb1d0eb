import { afterAll, beforeAll, expect, test } from "vitest";
import { createBundler, type BundledModule, type Bundler } from "../../build/bundle";
import type { BundleReply, BundleRequest } from "../../build/bundle-job";
import { bundleSnippets } from "../../build/bundle-snippets";
import { sendRequest, type ThreadReply } from "../../build/build-thread";
import type { Checks } from "../../build/checks";
import type { EmittedModules } from "../../build/module-keys";
import { planSnippets, type SnippetPlan } from "../../build/plan";
import { discoverSources } from "../../build/project";
import { loadSettings } from "../../build/settings";
import { buildSnippet, type SnippetContext } from "../../build/snippet";
import { transpileTransforms } from "../../build/typescript-program";
import { snippetEntry, type GeneratedEntry } from "../../build/virtual-modules";
import { scratchProject } from "../support/scratch-project";

/*
 * The build bundles on two threads (build/bundle-snippets.ts): the main one,
 * and the second once its checks are done. What the second thread makes must
 * be what the main one would, and a build must fail on the first failing
 * plan in plan order, whichever thread bundled it.
 */

const scratch = scratchProject();
afterAll(() => scratch.remove());

let modules: EmittedModules;
let bundle: Bundler;
let plans: SnippetPlan[];
let context: SnippetContext;
/** Each plan bundled on this thread, one after another, as a single thread would. */
let ownBundles: BundledModule[];
beforeAll(async () => {
  const { project } = scratch;
  modules = transpileTransforms(project);
  bundle = createBundler(project, modules);
  plans = await planSnippets(project, discoverSources(project), await loadSettings(project, bundle), bundle, modules);
  context = { project, packageVersion: "0.0.0", minify: false, syntax: "es2018" };
  ownBundles = [];
  for (const entry of plans.map(snippetEntry)) ownBundles.push(await bundle(entry.key, entry.modules));
});

/** Every reply of the second thread to bundling `entries` (it alone takes them), up to its last. */
function bundledOnThread(entries: readonly GeneratedEntry[], emitted: EmittedModules = modules, worthHelping = 0): Promise<BundleReply[]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const replies: BundleReply[] = [];
  return new Promise((resolve, reject) => {
    sendRequest((id) => ({ kind: "bundle", id, project: scratch.project, modules: emitted, entries, next, worthHelping }) satisfies BundleRequest, {
      reply(message: ThreadReply) {
        replies.push(message as BundleReply);
        if ("done" in message) resolve(replies);
        return "done" in message;
      },
      fail: reject,
    });
  });
}

const withoutModuleOf = (plan: SnippetPlan): EmittedModules => new Map([...modules].filter(([key]) => key !== plan.events[0]!.moduleKey));
const checksPassing: Checks = { passed: async () => undefined, failedAlready: () => false };
// The scratch project has fewer plans than the build leaves to the main thread alone: these tests have the second thread help with any.

test("the second thread bundles each entry exactly as the main thread does, then says it is done", async () => {
  const entries = plans.map(snippetEntry);
  const replies = await bundledOnThread(entries);
  expect(replies.at(-1)).toMatchObject({ done: true });
  const bundled = replies.flatMap((reply) => ("bundled" in reply ? [reply] : []));
  expect(bundled.map((reply) => reply.index)).toEqual(entries.map((_entry, index) => index));
  for (const reply of bundled) {
    const own = ownBundles[reply.index]!;
    expect({ code: reply.bundled.code, map: { ...reply.bundled.map }, modules: reply.bundled.modules }, plans[reply.index]!.id).toEqual({ code: own.code, map: { ...own.map }, modules: own.modules });
  }
});

test("the second thread stops at its first failure, naming the module it could not find", async () => {
  // Past the first entries, so that the thread bundles some before it fails.
  const failing = 2;
  expect(plans[failing]!.router).toBe(false);
  const entries = plans.map(snippetEntry);
  const replies = await bundledOnThread(entries, withoutModuleOf(plans[failing]!));
  expect(replies.slice(failing)).toEqual([
    { id: expect.any(Number), index: failing, failure: { summary: `no compiled module for ${plans[failing]!.events[0]!.moduleKey}: is it under transforms/?`, problems: [] } },
    { id: expect.any(Number), done: true },
  ]);
});

test("the second thread leaves the entries to the main thread when fewer are left than are worth its help", async () => {
  const entries = plans.map(snippetEntry);
  expect(await bundledOnThread(entries, modules, entries.length + 1)).toEqual([{ id: expect.any(Number), done: true }]);
});

test("two threads give every snippet one thread gives, in plan order", async () => {
  const sequential = [];
  for (const [index, plan] of plans.entries()) sequential.push(await buildSnippet(context, plan, ownBundles[index]!));
  expect((await bundleSnippets(context, bundle, modules, plans, checksPassing, 0)).map(({ id, code, map }) => ({ id, code, map }))).toEqual(
    sequential.map(({ id, code, map }) => ({ id, code, map })),
  );
});

test("a build fails on the first failing plan in plan order, whichever thread bundled it", async () => {
  const events = plans.filter((plan) => !plan.router);
  // Each thread may take either: the main thread starts first, the second a moment later.
  const [first, last] = [events[2]!, events.at(-1)!];
  const emitted = new Map([...withoutModuleOf(first)].filter(([key]) => key !== last.events[0]!.moduleKey));
  for (let attempt = 0; attempt < 3; attempt++) {
    await expect(bundleSnippets(context, createBundler(scratch.project, emitted), emitted, plans, checksPassing, 0)).rejects.toThrow(`no compiled module for ${first.events[0]!.moduleKey}`);
  }
});
