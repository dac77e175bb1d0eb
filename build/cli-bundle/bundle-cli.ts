import { readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { rollup, type Plugin } from "rollup";
import ts from "typescript";
import { readSource, writeBundle, type SourceRecord } from "./stamp.js";

/**
 * The commands the bundle serves. bdt build imports the project's webhook
 * templates, and registers tsx for them (build/typescript-imports.ts); new
 * and serve import the project's TypeScript in more places (envelope
 * readers, templates for their requests), so they keep running under tsx.
 */
export const BUNDLED_COMMANDS = ["build", "run", "render", "verify"] as const;

/** ES-module packages loaded as they are: rollup's ES build imports its native parser, a CommonJS file of its own, which a bundle cannot take in. */
const LOADED_AS_PACKAGES: ReadonlySet<string> = new Set(["rollup"]);

/** The bundler itself and the compiler options it transpiles with: a change to either is a change to the bundle. */
const BUNDLER_FILES = [fileURLToPath(import.meta.url), fileURLToPath(new URL("stamp.js", import.meta.url))];

/**
 * Bundles build/cli/main.ts for BUNDLED_COMMANDS into plain JavaScript
 * (node_modules/.cache/bdt/cli, see stamp.js), so those commands start
 * without a TypeScript loader. Each command, and whatever it loads
 * lazily, stays a chunk of its own, loaded when it runs.
 */
export async function bundleCli(root: string): Promise<void> {
  const bundledAt = Date.now();
  const sources = new Map<string, SourceRecord>();
  const read = (file: string) => {
    const source = readSource(root, file);
    sources.set(source.path, source.record);
    return source.text;
  };
  for (const file of BUNDLER_FILES) read(file);
  const compilerOptions = compilerOptionsOf(join(root, "tsconfig.json"), read);
  const bundle = await rollup({
    // The build's type checks run on a thread of their own, which loads this entry (build/checks-thread.js).
    input: { main: join(root, "build/cli/main.ts"), "checks-worker": join(root, "build/checks-worker.ts") },
    // What is imported and unused is not loaded: quickjs-emscripten names all four of its engine builds, bdt runs one.
    treeshake: { moduleSideEffects: (_id, external) => !external },
    plugins: [typescriptSources(join(root, "build/cli/main.ts"), compilerOptions, read)],
    onLog(level, log, forward) {
      if (level !== "warn") return forward(level, log);
      // Modules importing each other run as they do unbundled; a package's own quirks (comments Rollup moves) are its authors'. Anything else is ours to fix.
      if (log.code === "CIRCULAR_DEPENDENCY" || (log.id ?? log.ids?.[0] ?? "").includes(`${sep}node_modules${sep}`)) return;
      throw new Error(`bundling the CLI: ${log.message}`);
    },
  });
  try {
    const { output } = await bundle.generate({ format: "es", entryFileNames: "[name].mjs", chunkFileNames: "[name]-[hash].mjs" });
    writeBundle(root, { chunks: output.filter((file) => file.type === "chunk"), sources, commands: BUNDLED_COMMANDS, bundledAt });
  } finally {
    await bundle.close();
  }
}

function compilerOptionsOf(tsconfig: string, read: (file: string) => string): ts.CompilerOptions {
  const parsed = ts.parseConfigFileTextToJson(tsconfig, read(tsconfig));
  if (parsed.error) throw new Error(`${tsconfig}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, "\n")}`);
  const { options } = ts.convertCompilerOptionsFromJson(parsed.config.compilerOptions, dirname(tsconfig));
  return { ...options, noEmit: false, sourceMap: false, declaration: false };
}

/**
 * TypeScript modules resolved as the Bundler resolution of tsconfig.json
 * does ("../../sandbox" is sandbox/index.ts), each transpiled alone
 * (isolatedModules), with `import.meta.url` still the source's own URL:
 * modules that find files beside themselves find them still.
 */
function typescriptSources(main: string, compilerOptions: ts.CompilerOptions, read: (file: string) => string): Plugin {
  const bundledCommands = new Set(BUNDLED_COMMANDS.map((command) => join(dirname(main), `${command}-command.ts`)));
  const resolveFrom = (source: string, importer: string) => {
    const base = resolve(dirname(importer), source);
    return [base, `${base}.ts`, join(base, "index.ts")].find(isFile);
  };
  return {
    name: "bdt-cli-sources",
    resolveId(source, importer) {
      if (importer === undefined) return source;
      if (source.startsWith(".")) {
        const found = resolveFrom(source, importer);
        if (found === undefined) throw new Error(`${importer}: cannot resolve "${source}"`);
        return found;
      }
      // A package the CLI imports is taken in when it is an ES module (one file to load, not a hundred); what packages import, they load themselves.
      if (isBuiltin(source) || importer.includes(`${sep}node_modules${sep}`) || LOADED_AS_PACKAGES.has(source.split("/")[0]!)) return false;
      const file = fileURLToPath(import.meta.resolve(source));
      return isEsModule(file) ? file : false;
    },
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== "string") return null;
      // A package loaded lazily (tsx, for a settings file) stays the package.
      if (!specifier.startsWith(".")) return false;
      // main.ts loads every command lazily: the others stay imports of their TypeScript, never taken in this bundle (bdt.js runs them under tsx).
      if (importer !== main) return null;
      const found = resolveFrom(specifier, importer);
      return found !== undefined && bundledCommands.has(found) ? found : { id: pathToFileURL(found ?? specifier).href, external: true };
    },
    load: (id) => read(id),
    transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      return { code: ts.transpileModule(code, { fileName: id, compilerOptions }).outputText, map: null };
    },
    resolveImportMeta(property, { moduleId }) {
      return property === "url" ? JSON.stringify(pathToFileURL(moduleId).href) : null;
    },
  };
}

/** Whether Node loads this package file as an ES module: .mjs, or .js in a package of "type": "module". */
function isEsModule(file: string): boolean {
  if (file.endsWith(".mjs")) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (isFile(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: string }).type === "module";
  }
  return false;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
