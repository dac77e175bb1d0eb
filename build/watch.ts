import { existsSync, watch as watchFiles, type FSWatcher } from "node:fs";
import type { Settings } from "../transforms/lib/settings";
import { bundleSnippet } from "./build";
import { createBundler } from "./bundle";
import { failOnTypeErrors } from "./compile";
import { writeDist } from "./dist";
import { distFiles, placeholderWarnings } from "./dist-files";
import { fixtureVerdict } from "./fixture-verdict";
import { planSnippets, type SnippetPlan } from "./plan";
import { BuildError } from "./problems";
import { discoverSources, type Project, type SourceDir } from "./project";
import { loadSettings } from "./settings";
import { stampDist } from "./source-inputs";
import { packageVersion, type BuiltSnippet } from "./snippet";
import { createStaticChecker, formatFinding } from "./static-checks";
import { moduleKey, sourceMapKey } from "./module-keys";
import { createTypeScriptProgram } from "./typescript-program";
import { buildWebhooks, type CompiledWebhook } from "./webhooks";
import { allowedByEngine, readObservedEngine } from "./observed-engine";

export interface WatchOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** What one rebuild did, for callers that wait on it (tests, the benchmark). */
export interface Rebuild {
  readonly rebuilt: readonly string[];
  readonly written: readonly string[];
  readonly failed: boolean;
}

export interface WatchHandle {
  /** Resolves when the next rebuild has written dist/ (before its fixture verdicts are printed). */
  next(): Promise<Rebuild>;
  /** Resolves with the type errors of the next type check that follows a save. */
  nextCheck(): Promise<readonly string[]>;
  /** Resolves when every rebuild so far has had its snippets run on their fixtures and the verdicts printed. */
  verdicts(): Promise<void>;
  close(): Promise<void>;
}

/** Saves arriving together (an editor writing several files) make one rebuild. */
const SETTLE_MS = 15;

/**
 * `bdt build --watch`. A saved file is transpiled on its own (the output the
 * program would emit: the project compiles with isolatedModules), only the
 * snippets whose bundles read a changed module are rebundled and written,
 * each printing its size and how it does on its fixtures; then the
 * TypeScript program, kept in memory, type-checks incrementally and prints
 * any errors. Errors never stop the watch, and the full build still refuses
 * code that does not type-check. A transform added or removed starts afresh.
 */
export function watchProject(project: Project, output: WatchOutput): WatchHandle {
  const rebuilds = waiters<Rebuild>();
  const checks = waiters<readonly string[]>();
  const notify = rebuilds.notify;
  let session = newSession(project);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();

  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = new Set();
      queue = queue.then(() => rebuildAfter(changed));
    }, SETTLE_MS);
  };
  const rebuildAfter = async (changed: ReadonlySet<string>) => {
    if (layoutOf(discoverSources(project)) !== layoutOf(session.sources)) {
      output.out("transforms added or removed: starting afresh");
      session = newSession(project);
      await rebuild(project, session, output, notify);
      return;
    }
    for (const path of changed) session.checker.update(path);
    await rebuildSaved(project, session, [...changed].filter((path) => path.endsWith(".ts") && existsSync(path)), output, notify);
    // Behind the save's fixture verdicts, the feedback a save is for: the incremental check takes as long as they do.
    const saved = session;
    saved.typeCheck = Promise.all([saved.typeCheck, saved.verdicts]).then(() => {
      // Checked, not emitted: the saved files' output came from transpiling them alone.
      const typeErrors = saved.program.check();
      if (typeErrors.length > 0) report(output, new BuildError("type check failed: fix before committing (npm run build refuses this)", typeErrors));
      checks.notify(typeErrors);
    });
  };

  const watchers: FSWatcher[] = [watchFiles(project.transformsDir, { recursive: true }, (_event, name) => name && schedule(`${project.transformsDir}/${name}`))];
  if (!project.settingsFile.startsWith(`${project.transformsDir}/`)) watchers.push(watchFiles(project.settingsFile, () => schedule(project.settingsFile)));
  queue = queue.then(() => rebuild(project, session, output, notify));
  return {
    next: rebuilds.next,
    nextCheck: checks.next,
    verdicts: () => session.verdicts,
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await queue;
      await Promise.all([session.verdicts, session.typeCheck]);
    },
  };
}

interface Session {
  readonly sources: readonly SourceDir[];
  readonly program: ReturnType<typeof createTypeScriptProgram>;
  readonly checker: ReturnType<typeof createStaticChecker>;
  readonly snippets: Map<string, BuiltSnippet>;
  /** Per snippet, the module keys its last bundle read. */
  readonly reads: Map<string, readonly string[]>;
  /** Per snippet, its last plan as JSON: a changed mapping or setting rebuilds it. */
  readonly plans: Map<string, string>;
  modules: ReadonlyMap<string, string>;
  cache: Parameters<typeof createBundler>[2];
  settings: Settings | undefined;
  /** Compiled when the settings are (re)loaded: the watch follows transforms/ and the settings, not webhooks/. */
  webhooks: readonly CompiledWebhook[];
  verdicts: Promise<void>;
  /** What the session last made dist/, trusted by the next write. */
  written: ReadonlyMap<string, string> | undefined;
  /** The type check after the latest save, queued behind that save's verdicts. */
  typeCheck: Promise<unknown>;
}

function newSession(project: Project): Session {
  return {
    sources: discoverSources(project),
    program: createTypeScriptProgram(project),
    checker: createStaticChecker(project),
    snippets: new Map(),
    reads: new Map(),
    plans: new Map(),
    modules: new Map(),
    cache: undefined,
    settings: undefined,
    webhooks: [],
    verdicts: Promise.resolve(),
    written: undefined,
    typeCheck: Promise.resolve(),
  };
}

/** The first build of a session: the whole program checked and emitted. */
async function rebuild(project: Project, session: Session, output: WatchOutput, notify: (rebuild: Rebuild) => void): Promise<void> {
  await writeRebuilt(project, session, output, notify, () => {
    const compilation = session.program.compile();
    failOnTypeErrors(compilation.typeErrors);
    return compilation.modules;
  });
}

/** After saves: the saved files transpiled alone and written at once (the caller type-checks after). */
async function rebuildSaved(project: Project, session: Session, saved: readonly string[], output: WatchOutput, notify: (rebuild: Rebuild) => void): Promise<void> {
  await writeRebuilt(project, session, output, notify, () => {
    const modules = new Map(session.modules);
    for (const file of saved) {
      const { key, code, map } = session.program.transpile(file);
      modules.set(key, code).set(sourceMapKey(key), map);
    }
    return modules;
  });
}

async function writeRebuilt(
  project: Project,
  session: Session,
  output: WatchOutput,
  notify: (rebuild: Rebuild) => void,
  compile: () => ReadonlyMap<string, string>,
): Promise<void> {
  let rebuilt: Rebuilt[];
  try {
    const findings = session.checker.findings();
    if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
    const modules = compile();
    const changed = new Set([...modules].filter(([key, code]) => session.modules.get(key) !== code).map(([key]) => key));
    session.modules = modules;
    rebuilt = await rebundle(project, session, changed);
  } catch (error) {
    report(output, error);
    notify({ rebuilt: [], written: [], failed: true });
    return;
  }
  const snippets = [...session.snippets.values()];
  const files = distFiles(project, snippets, session.webhooks);
  const { written } = writeDist(project, files, session.written);
  session.written = files;
  stampDist(project);
  // Verdicts run behind the rebuild, on their own queue: a save never waits for the fixtures of the last.
  session.verdicts = session.verdicts.then(async () => {
    for (const { snippet, events } of rebuilt) {
      output.out(`rebuilt dist/${snippet.file} (${Buffer.byteLength(snippet.code)} bytes): ${await fixtureVerdict(project, snippet, events)}`);
    }
  });
  notify({ rebuilt: rebuilt.map(({ snippet }) => snippet.id), written, failed: false });
  if (written.length > 0) for (const warning of placeholderWarnings(project, session.settings!, snippets)) output.err(`warning: ${warning}`);
}

/** A rebuilt snippet and the events whose fixture cases the change can affect. */
interface Rebuilt {
  readonly snippet: BuiltSnippet;
  readonly events: readonly string[];
}

/** Rebundles the snippets whose plan changed or whose last bundle read a changed module (all of them the first time). */
async function rebundle(project: Project, session: Session, changed: ReadonlySet<string>): Promise<Rebuilt[]> {
  const bundle = createBundler(project, session.modules, session.cache);
  const context = { project, packageVersion: packageVersion(project), minify: false, syntax: allowedByEngine(readObservedEngine(project.root)).syntax };
  if (!session.settings || changed.has(moduleKey(project, project.settingsFile))) {
    session.settings = await loadSettings(project, bundle);
    session.webhooks = await buildWebhooks(project, session.settings.webhooks, context.packageVersion);
  }
  const plans = await planSnippets(project, session.sources, session.settings, bundle, session.modules);
  const affected = plans.filter((plan) => {
    const reads = session.reads.get(plan.id);
    return !reads || session.plans.get(plan.id) !== planJson(plan) || reads.some((key) => changed.has(key));
  });
  const rebuilt: Rebuilt[] = [];
  for (const plan of affected) {
    const events = touchedEvents(plan, session.plans.get(plan.id), session.reads.get(plan.id), changed);
    const { snippet, modules } = await bundleSnippet(context, bundle, plan);
    session.reads.set(plan.id, modules);
    session.plans.set(plan.id, planJson(plan));
    session.snippets.set(plan.id, snippet);
    rebuilt.push({ snippet, events });
  }
  for (const id of session.snippets.keys()) if (!plans.some((plan) => plan.id === id)) session.snippets.delete(id);
  session.cache = bundle.cache();
  return rebuilt;
}

function planJson(plan: SnippetPlan): string {
  return JSON.stringify(plan);
}

/**
 * A router runs each event through that event's own module and plan, on code
 * shared by all: when every change it read is an event's module or plan, only
 * those events' cases can come out differently, so only they are compared
 * again (a save of one event then runs its cases, not the source's hundreds).
 * Any other change (a lib, the settings, the router's own plan) affects all.
 */
function touchedEvents(plan: SnippetPlan, previousJson: string | undefined, reads: readonly string[] | undefined, changed: ReadonlySet<string>): readonly string[] {
  const all = plan.events.map((event) => event.event);
  if (!plan.router || previousJson === undefined || reads === undefined) return all;
  const previous = JSON.parse(previousJson) as SnippetPlan;
  const { events: _events, ...shared } = plan;
  const { events: previousEvents, ...previousShared } = previous;
  if (JSON.stringify(shared) !== JSON.stringify(previousShared)) return all;
  // A module's source map is read with it.
  const byModule = new Map(plan.events.flatMap((event) => [[event.moduleKey, event.event], [`${event.moduleKey}.map`, event.event]] as const));
  const before = new Map(previousEvents.map((event) => [event.event, JSON.stringify(event)]));
  const touched = new Set<string>();
  for (const key of reads) {
    if (!changed.has(key)) continue;
    const event = byModule.get(key);
    if (event === undefined) return all;
    touched.add(event);
  }
  for (const event of plan.events) {
    const was = before.get(event.event);
    if (was === undefined) return all;
    if (was !== JSON.stringify(event)) touched.add(event.event);
  }
  return touched.size === 0 ? all : all.filter((event) => touched.has(event));
}

/** Which sources and events exist: when it changes, the watch starts afresh. */
function layoutOf(sources: readonly SourceDir[]): string {
  return sources.map((source) => `${source.id}:${source.events.map((module) => module.event).join()}`).join(";");
}

function report(output: WatchOutput, error: unknown): void {
  if (!(error instanceof BuildError)) {
    output.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  output.err(`error: ${error.summary}`);
  for (const problem of error.problems) output.err(`  ${problem}`);
}

/** Promises for "the next time X happens", resolved together when it does. */
function waiters<T>() {
  let waiting: ((value: T) => void)[] = [];
  return {
    next: () => new Promise<T>((resolve) => waiting.push(resolve)),
    notify: (value: T) => {
      const resolvers = waiting;
      waiting = [];
      for (const resolve of resolvers) resolve(value);
    },
  };
}
