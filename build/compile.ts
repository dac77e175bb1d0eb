import typescript from "@rollup/plugin-typescript";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rollup, type Plugin, type RollupLog } from "rollup";
import { BuildError } from "./problems";
import { displayPath, type Entry, type Project } from "./project";

/** The id under which the workspace settings are compiled, whichever file they come from. */
export const SETTINGS_MODULE = "settings";

/** Every module of every transform, compiled to ES2018 JavaScript, keyed by path relative to transforms/. */
export type CompiledModules = ReadonlyMap<string, string>;

/**
 * Type-checks and compiles all transforms in ONE rollup build, so the
 * TypeScript program and its type check are shared by every snippet; the
 * per-snippet bundles are then made from this output in memory.
 */
export async function compileTransforms(project: Project, entries: readonly Entry[]): Promise<CompiledModules> {
  const configDir = mkdtempSync(join(tmpdir(), "bdt-tsconfig-"));
  try {
    return await compileWith(project, entries, programConfig(project, configDir));
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/**
 * The TypeScript program is the transforms' own tsconfig plus the settings
 * file, which may live anywhere (`--settings`): a file outside the program
 * would be neither type-checked nor compiled.
 */
function programConfig(project: Project, configDir: string): string {
  const config = join(configDir, "tsconfig.json");
  const include = [join(project.transformsDir, "**/*.ts"), project.settingsFile];
  writeFileSync(config, JSON.stringify({ extends: join(project.transformsDir, "tsconfig.json"), include }));
  return config;
}

async function compileWith(project: Project, entries: readonly Entry[], tsconfig: string): Promise<CompiledModules> {
  const typeErrors: string[] = [];
  const bundle = await rollup({
    input: Object.fromEntries([[SETTINGS_MODULE, project.settingsFile], ...entries.map((entry) => [entry.id, entry.file])]),
    plugins: [useSettingsFile(project), typescript(typescriptOptions(project, tsconfig))],
    treeshake: false,
    onLog(level, log, forward) {
      if (log.plugin === "typescript" && log.pluginCode) return void typeErrors.push(formatDiagnostic(project, log));
      if (level === "warn") throw new BuildError(`transforms: ${log.message}`);
      forward(level, log);
    },
  }).catch(rethrowAsBuildError(project));
  try {
    if (typeErrors.length > 0) throw new BuildError(`type check failed (${plural(typeErrors.length, "error")})`, typeErrors);
    const { output } = await bundle.generate({
      format: "es",
      preserveModules: true,
      preserveModulesRoot: project.transformsDir,
      entryFileNames: (chunk) => (chunk.facadeModuleId === project.settingsFile ? `${SETTINGS_MODULE}.js` : "[name].js"),
    });
    return new Map(output.flatMap((file) => (file.type === "chunk" ? [[file.fileName, file.code] as const] : [])));
  } finally {
    await bundle.close();
  }
}

/**
 * ES2018 is the newest syntax Braze's own templates prove to work (object
 * spread); TypeScript lowers `?.`, `??` and the like below it.
 */
function typescriptOptions(project: Project, tsconfig: string) {
  return {
    tsconfig,
    include: [join(project.transformsDir, "**/*.ts"), project.settingsFile],
    filterRoot: project.root,
    compilerOptions: { target: "ES2018", noEmit: false, noEmitOnError: false, removeComments: false },
    noForceEmit: false,
  } as const;
}

/** `bdt build --settings other.ts` swaps the workspace settings module for another file. */
function useSettingsFile(project: Project): Plugin {
  const defaultSettings = join(project.transformsDir, "settings.ts");
  return {
    name: "bdt-settings",
    async resolveId(source, importer, options) {
      if (project.settingsFile === defaultSettings) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && resolved.id === defaultSettings ? project.settingsFile : resolved;
    },
  };
}

function formatDiagnostic(project: Project, log: RollupLog): string {
  const text = log.message.replace(/^\[plugin typescript\]\s*/, "").replace(/^.*?@rollup\/plugin-typescript\s*/, "");
  if (!log.loc || !log.loc.file) return text;
  // The plugin reports TypeScript's positions already 1-based.
  return `${displayPath(project, log.loc.file)}:${log.loc.line}:${log.loc.column} ${text}`;
}

function rethrowAsBuildError(project: Project) {
  return (error: unknown): never => {
    if (error instanceof BuildError) throw error;
    const log = error as RollupLog;
    const where = log.loc && log.loc.file ? `${displayPath(project, log.loc.file)}:${log.loc.line}:${log.loc.column + 1} ` : "";
    throw new BuildError(`${where}${log.message}`);
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
