import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { ts } from "ts-morph";
import { keptPerProject } from "./kept-per-project";
import { BuildError } from "./problems";
import { moduleKey, sourceMapKey, type EmittedModules } from "./module-keys";
import { displayPath, type Project } from "./project";

export interface Compilation {
  readonly modules: EmittedModules;
  readonly typeErrors: readonly string[];
}

/**
 * The last program per project (its options name its root): a new program
 * of the same project, the next build's check or a watch starting afresh,
 * starts from it and checks only the files changed since, and what they affect.
 */
const lastPrograms = keptPerProject<ts.EmitAndSemanticDiagnosticsBuilderProgram>(forgetParsedFiles);

/**
 * The transforms (and the settings file, wherever it lives) as ONE TypeScript
 * program, type-checked and emitted as ES2018 modules. It is incremental:
 * after an edit, only the files the edit can affect are checked and emitted
 * again, which is what makes watch mode fast. ES2018 is the newest syntax
 * Braze's own templates prove to work; TypeScript lowers `?.`, `??` and the like.
 */
export function createTypeScriptProgram(project: Project) {
  const config = readConfig(project);
  const host = cachingHost(config.options);
  const key = JSON.stringify(config.options);
  let modules: EmittedModules = new Map();
  let builder: ts.EmitAndSemanticDiagnosticsBuilderProgram | undefined;
  const check = () => {
    builder = ts.createEmitAndSemanticDiagnosticsBuilderProgram(config.rootNames, config.options, host, builder ?? lastPrograms.get(key));
    lastPrograms.set(key, project.root, builder);
    return typeErrors(project, builder);
  };

  return {
    /** One source file alone, as the program would emit it. */
    transpile: (sourceFile: string) => transpileFile(project, config.options, sourceFile),
    /** Type-checks the program as it is now, emitting nothing. */
    check,
    /**
     * Type-checks, then gives every module as transpiled alone, which is the
     * program's output byte for byte (isolatedModules), without making the
     * checker resolve what emitting needs for files it did not check again;
     * no new modules while the program does not type-check.
     */
    compile(): Compilation {
      const errors = check();
      if (errors.length === 0) modules = transpileAll(project, config);
      return { modules, typeErrors: errors };
    },
  };
}

/**
 * Every module of the program (the transforms, the settings, Braze's limits),
 * each transpiled alone: the program's own output, byte for byte, without
 * waiting for its type check (the project compiles with isolatedModules, so
 * no other file changes a file's output).
 */
export function transpileTransforms(project: Project): EmittedModules {
  return transpileAll(project, readConfig(project));
}

function transpileAll(project: Project, config: { rootNames: readonly string[]; options: ts.CompilerOptions }): EmittedModules {
  const modules = new Map<string, string>();
  for (const file of config.rootNames) {
    if (file.endsWith(".d.ts")) continue;
    const { key, code, map } = transpileFile(project, config.options, file);
    modules.set(key, code).set(sourceMapKey(key), map);
  }
  return modules;
}

/**
 * The last output of each file, by its path in the project and the options
 * (paths taken relative to the project: its outputs sit beside their sources,
 * so they name each other relatively), with the text it was made from. A
 * later build in this process, of this project or of a copy, transpiles only
 * what changed; one entry per file, however many saves.
 */
const transpiled = new Map<string, { text: string; code: string; map: string }>();

function transpileFile(project: Project, options: ts.CompilerOptions, sourceFile: string): { key: string; code: string; map: string } {
  const text = readFileSync(sourceFile, "utf8");
  const key = moduleKey(project, sourceFile);
  const cacheKey = JSON.stringify([key, relativeOptions(project, options)]);
  const cached = transpiled.get(cacheKey);
  if (cached?.text === text) return { key, code: cached.code, map: cached.map };
  const { outputText, sourceMapText = "", diagnostics = [] } = ts.transpileModule(text, { compilerOptions: options, fileName: sourceFile, reportDiagnostics: true });
  // TypeScript recovers from syntax errors with a guess: never write a snippet from one.
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => formatDiagnostic(project, d));
  if (errors.length > 0) throw new BuildError(`syntax error (${errors.length})`, errors);
  transpiled.set(cacheKey, { text, code: outputText, map: sourceMapText });
  return { key, code: outputText, map: sourceMapText };
}

/** The options with the project's own paths relative to it: the same for every copy of a project. */
function relativeOptions(project: Project, options: ts.CompilerOptions): ts.CompilerOptions {
  const paths = Object.fromEntries((["rootDir", "outDir", "configFilePath"] as const).flatMap((name) => (typeof options[name] === "string" ? [[name, relative(project.root, options[name])]] : [])));
  return { ...options, ...paths };
}

function typeErrors(project: Project, builder: ts.BuilderProgram): string[] {
  const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics()];
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => formatDiagnostic(project, d));
}

/** A tsconfig.json, its problems as build errors naming it. */
export function parseConfigFile(project: Project, configFile: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new BuildError(`${displayPath(project, configFile)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
    },
  });
  if (!parsed) throw new BuildError(`cannot read ${displayPath(project, configFile)}`);
  return parsed;
}

function readConfig(project: Project): { rootNames: string[]; options: ts.CompilerOptions } {
  const parsed = parseConfigFile(project, join(project.transformsDir, "tsconfig.json"));
  const rootNames = [...new Set([...parsed.fileNames, project.settingsFile, project.limitsFile])];
  const options: ts.CompilerOptions = {
    ...parsed.options,
    target: ts.ScriptTarget.ES2018,
    module: ts.ModuleKind.ESNext,
    noEmit: false,
    noEmitOnError: false,
    declaration: false,
    // The snippets' maps are made from these (error positions, coverage).
    sourceMap: true,
    // A comment or a type changes nothing that runs, so it must change nothing in dist/.
    removeComments: true,
    rootDir: project.root,
    // Never written: emit goes through a callback, this only names the outputs.
    outDir: project.root,
  };
  return { rootNames, options };
}

/**
 * The compiler is the TypeScript 6.0 that ts-morph bundles (the static
 * checks load it anyway: one compiler, not two); it ships no lib files, so
 * they come from the typescript package of the same version.
 */
const LIB_DIR = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));

/**
 * Parsed files by the options they were parsed and bound under, leaving out
 * the paths that differ between copies of a project (which change no file):
 * programs of other copies share the files they have in common, the lib
 * files and the packages' types above all.
 */
const parsedFiles = new Map<string, Map<string, { text: string; format: string; file: ts.SourceFile }>>();

/**
 * A compiler host that hands back the same parsed file while its text is
 * unchanged, so successive programs share them (TypeScript's own host parses
 * every file again).
 */
export function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (compilerOptions) => join(LIB_DIR, ts.getDefaultLibFileName(compilerOptions));
  const { rootDir: _rootDir, outDir: _outDir, configFilePath: _configFilePath, ...parsing } = options;
  const parsedKey = JSON.stringify(parsing);
  const parsed = parsedFiles.get(parsedKey) ?? new Map<string, { text: string; format: string; file: ts.SourceFile }>();
  parsedFiles.set(parsedKey, parsed);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    let text: string;
    try {
      text = readFileSync(fileName, "utf8");
    } catch {
      return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    }
    const format = JSON.stringify(languageVersion);
    const cached = parsed.get(fileName);
    if (cached && cached.text === text && cached.format === format) return cached.file;
    const file = ts.createSourceFile(fileName, text, languageVersion);
    // The builder tells changed files apart by this version.
    (file as ts.SourceFile & { version: string }).version = createHash("sha256").update(text).digest("hex");
    parsed.set(fileName, { text, format, file });
    return file;
  };
  return host;
}

/** Drops the parsed files of a project whose folder is gone (a removed scratch copy). */
export function forgetParsedFiles(root: string): void {
  for (const files of parsedFiles.values()) for (const name of files.keys()) if (name.startsWith(`${root}/`)) files.delete(name);
}

export function formatDiagnostic(project: Project, diagnostic: ts.Diagnostic): string {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${displayPath(project, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}
