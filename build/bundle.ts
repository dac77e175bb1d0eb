import { posix } from "node:path";
import { rollup, type Plugin, type RollupCache } from "rollup";
import type { CompiledModules } from "./compile";
import { BuildError } from "./problems";

const VIRTUAL_ROOT = "/transforms/";

/** One transform bundled with everything it imports, still an ES module. */
export interface BundledModule {
  readonly code: string;
}

export type Bundler = (id: string) => Promise<BundledModule>;

/**
 * Bundles each module, by id relative to transforms/, from the already compiled modules. Rollup's cache is
 * shared across entries, so a helper used by every transform is parsed once.
 */
export function createBundler(modules: CompiledModules): Bundler {
  let cache: RollupCache | undefined;
  return async function bundleModule(id: string): Promise<BundledModule> {
    const bundle = await rollup({
      input: VIRTUAL_ROOT + `${id}.js`,
      plugins: [inMemory(modules)],
      cache,
      onLog(level, log, forward) {
        if (level === "warn") throw new BuildError(`${id}: ${log.message}`);
        forward(level, log);
      },
    });
    try {
      cache = bundle.cache;
      const { output } = await bundle.generate({ format: "es" });
      const [chunk, ...rest] = output;
      if (rest.length > 0 || chunk.imports.length > 0) {
        throw new BuildError(`${id}: the bundle is not self-contained (imports ${chunk.imports.join(", ")})`);
      }
      return { code: chunk.code };
    } finally {
      await bundle.close();
    }
  };
}

function inMemory(modules: CompiledModules): Plugin {
  return {
    name: "bdt-compiled-modules",
    resolveId(source, importer) {
      if (!importer) return source;
      if (!source.startsWith(".")) return null;
      return posix.join(posix.dirname(importer), source);
    },
    load(id) {
      const code = modules.get(id.slice(VIRTUAL_ROOT.length));
      if (code === undefined) throw new BuildError(`no compiled module for ${id.slice(1)}`);
      return code;
    },
  };
}
