import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { ts } from "ts-morph";
import { BuildError } from "./problems";
import { moduleKey, sourceMapKey, type EmittedModules } from "./module-keys";
import { displayPath, type Project } from "./project";

export interface Compilation {
  readonly modules: EmittedModules;
  /** The files this compilation emitted anew (all of them the first time). */
  readonly emitted: readonly string[];
  readonly typeErrors: readonly string[];
}

/**
 * The transforms (and the settings file, wherever it lives) as ONE TypeScript
 * program, type-checked and emitted as ES2018 modules. It is incremental:
 * after an edit, only the files the edit can affect are checked and emitted
 * again, which is what makes watch mode fast. ES2018 is the newest syntax
 * Braze's own templates prove to work; TypeScript lowers `?.`, `??` and the like.
 */
export function createTypeScriptProgram(project: Project, hostFor: (options: ts.CompilerOptions) => ts.CompilerHost = cachingHost) {
  const config = readConfig(project);
  const host = hostFor(config.options);
  const modules = new Map<string, string>();
  let builder: ts.EmitAndSemanticDiagnosticsBuilderProgram | undefined;

  return {
    /** One source file alone, as the program would emit it. */
    transpile: (sourceFile: string) => transpileFile(project, config.options, sourceFile),
    /** Type-checks the program as it is now, emitting nothing. */
    check(): readonly string[] {
      builder = ts.createEmitAndSemanticDiagnosticsBuilderProgram(config.rootNames, config.options, host, builder);
      return typeErrors(project, builder);
    },
    compile(): Compilation {
      builder = ts.createEmitAndSemanticDiagnosticsBuilderProgram(config.rootNames, config.options, host, builder);
      const emitted: string[] = [];
      builder.emit(undefined, (fileName, text) => {
        const key = relative(project.root, fileName).split(sep).join("/");
        modules.set(key, text);
        emitted.push(key);
      });
      return { modules, emitted, typeErrors: typeErrors(project, builder) };
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
  const config = readConfig(project);
  const modules = new Map<string, string>();
  for (const file of config.rootNames) {
    if (file.endsWith(".d.ts")) continue;
    const { key, code, map } = transpileFile(project, config.options, file);
    modules.set(key, code).set(sourceMapKey(key), map);
  }
  return modules;
}

function transpileFile(project: Project, options: ts.CompilerOptions, sourceFile: string): { key: string; code: string; map: string } {
  const text = readFileSync(sourceFile, "utf8");
  const { outputText, sourceMapText = "", diagnostics = [] } = ts.transpileModule(text, { compilerOptions: options, fileName: sourceFile, reportDiagnostics: true });
  // TypeScript recovers from syntax errors with a guess: never write a snippet from one.
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => formatDiagnostic(project, d));
  if (errors.length > 0) throw new BuildError(`syntax error (${errors.length})`, errors);
  return { key: moduleKey(project, sourceFile), code: outputText, map: sourceMapText };
}

function typeErrors(project: Project, builder: ts.EmitAndSemanticDiagnosticsBuilderProgram): string[] {
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
 * A compiler host that hands back the same parsed file while its text is
 * unchanged, so successive programs share them (TypeScript's own host parses
 * every file again).
 */
export function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (compilerOptions) => join(LIB_DIR, ts.getDefaultLibFileName(compilerOptions));
  const parsed = new Map<string, { text: string; file: ts.SourceFile }>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    let text: string;
    try {
      text = readFileSync(fileName, "utf8");
    } catch {
      return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    }
    const cached = parsed.get(fileName);
    if (cached && cached.text === text) return cached.file;
    const file = ts.createSourceFile(fileName, text, languageVersion);
    // The builder tells changed files apart by this version.
    (file as ts.SourceFile & { version: string }).version = createHash("sha256").update(text).digest("hex");
    parsed.set(fileName, { text, file });
    return file;
  };
  return host;
}

export function formatDiagnostic(project: Project, diagnostic: ts.Diagnostic): string {
  const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${displayPath(project, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}
