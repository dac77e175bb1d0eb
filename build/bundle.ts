import { posix } from "node:path";
import { rollup, type Plugin, type RollupCache } from "rollup";
import { keptPerProject } from "./kept-per-project";
import { BuildError } from "./problems";
import type { Project } from "./project";
import { moduleKey, sourceMapKey, type EmittedModules } from "./module-keys";
import type { InputMap } from "./source-maps/snippet-map";
import { isGenerated, type GeneratedModules } from "./virtual-modules";

/** One transform bundled with everything it imports, still an ES module. */
export interface BundledModule {
  readonly code: string;
  /** From `code` to the TypeScript sources, named by path relative to the project root (data only: it may come from the other thread). */
  readonly map: InputMap;
  /** The keys of every module (and source map) the bundle read, to know which bundles a change affects. */
  readonly modules: readonly string[];
  /** Each compiled module the bundle read, with the keys of the compiled modules it imports. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

export interface Bundler {
  /** Bundles the module with this key, compiled ("transforms/regal/lib/envelope.js") or among `generated`. */
  (key: string, generated?: GeneratedModules): Promise<BundledModule>;
  /** Rollup's cache after the latest bundle, to hand to the next bundler. */
  readonly cache: () => RollupCache;
}

/**
 * Bundles modules from the compiled output, in memory. Every module any
 * bundle parsed stays in the cache handed to the next (and to the next watch
 * rebuild): rollup's own cache keeps only its last bundle's modules, so a
 * source's bundles would parse again what another source's had dropped.
 */
export function createBundler(project: Project, modules: EmittedModules, initialCache?: RollupCache): Bundler {
  const parsed = new Map((initialCache?.modules ?? []).map((module) => [module.id, module]));
  const settingsKey = moduleKey(project, project.settingsFile);
  const bundleModule = async (key: string, generated: GeneratedModules = new Map()): Promise<BundledModule> => {
    const bundle = await rollup({
      input: isGenerated(key) ? key : `/${key}`,
      plugins: [inMemory(modules, generated, settingsKey)],
      cache: { modules: [...parsed.values()] },
      onLog(level, log, forward) {
        if (level === "warn") throw new BuildError(`${key}: ${log.message}`);
        forward(level, log);
      },
    });
    try {
      for (const module of bundle.cache?.modules ?? []) parsed.set(module.id, module);
      const { output } = await bundle.generate({
        format: "es",
        sourcemap: true,
        sourcemapExcludeSources: true,
        // The module ids are "/<key>": this makes the sources keys again ("transforms/lib/identity.ts").
        sourcemapPathTransform: (relativePath, mapPath) => posix.join(posix.dirname(mapPath), relativePath).slice(1),
      });
      const [chunk, ...rest] = output;
      // The map comes on the chunk and again as an asset file, which is not needed.
      if (rest.some((file) => file.type === "chunk") || chunk.imports.length > 0) {
        throw new BuildError(`${key}: the bundle is not self-contained (imports ${chunk.imports.join(", ")})`);
      }
      const read = (bundle.cache?.modules ?? []).filter((module) => !isGenerated(module.id));
      const imports = new Map(read.map((module) => [module.id.slice(1), Object.values(module.resolvedIds).flatMap(({ id }) => (isGenerated(id) ? [] : [id.slice(1)]))]));
      return { code: chunk.code, map: chunk.map!, modules: read.flatMap(({ id }) => [id.slice(1), sourceMapKey(id.slice(1))]), imports };
    } finally {
      await bundle.close();
    }
  };
  return Object.assign(bundleModule, { cache: () => ({ modules: [...parsed.values()] }) });
}

/**
 * Per project and settings file, the modules this thread's last bundler of
 * it parsed: a later build in this process (tests, bdt serve) parses only
 * the changed ones. Each of the build's threads keeps its own. Not shared
 * between projects: a module's imports resolve to its own project's
 * settings file.
 */
const lastParsed = keptPerProject<RollupCache>();

const parsedKey = (project: Project) => `${project.root}\0${project.settingsFile}`;

/** A bundler that starts from what this thread's last bundler of the project parsed (keepParsed). */
export function resumeBundler(project: Project, modules: EmittedModules): Bundler {
  return createBundler(project, modules, lastParsed.get(parsedKey(project)));
}

/** Keeps what `bundle` parsed for the next bundler of the project on this thread. */
export function keepParsed(project: Project, bundle: Bundler): void {
  lastParsed.set(parsedKey(project), project.root, bundle.cache());
}

/**
 * Resolves imports the way TypeScript did ("./lib/envelope" is lib/envelope.js or
 * lib/envelope/index.js), and the workspace settings module to whichever file
 * the build was given (`--settings`).
 */
function inMemory(modules: EmittedModules, generated: GeneratedModules, settingsKey: string): Plugin {
  const alias = (key: string) => (key === "transforms/settings.js" ? settingsKey : key);
  return {
    name: PLUGIN,
    resolveId(source, importer) {
      if (!importer || generated.has(source)) return source;
      if (source.startsWith("/")) return source;
      if (!source.startsWith(".")) return null;
      const base = posix.join(posix.dirname(importer), source).slice(1);
      const found = [`${base}.js`, `${base}/index.js`, base].map(alias).find((key) => modules.has(key));
      return found === undefined ? null : `/${found}`;
    },
    load(id) {
      const code = generated.get(id) ?? modules.get(id.slice(1));
      if (code === undefined) throw new BuildError(`no compiled module for ${id.slice(1)}: is it under transforms/?`);
      const map = mapOf(id);
      // The generated modules have no source anyone edits: an empty map keeps them out of the snippet's map.
      return { code, map: map ?? { mappings: "" }, meta: { [PLUGIN]: { map } } };
    },
    // Rollup reuses a cached module whose code is unchanged; a comment moves only its map, which must not be the old one.
    shouldTransformCachedModule: ({ id, meta }) => (meta[PLUGIN] as { map?: string } | undefined)?.map !== mapOf(id),
  };
  function mapOf(id: string): string | undefined {
    return generated.has(id) ? undefined : modules.get(sourceMapKey(id.slice(1)));
  }
}

const PLUGIN = "bdt-modules";
