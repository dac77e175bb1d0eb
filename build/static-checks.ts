import { dirname, resolve } from "node:path";
import { FileSystemRefreshResult, Node, Project as MorphProject, SyntaxKind, type SourceFile } from "ts-morph";
import { allowedByEngine, readObservedEngine } from "./observed-engine";
import { displayPath, isSnippetModule, type Project } from "./project";

/*
 * What a snippet cannot do in Braze (no modules, network, timers, async, host
 * objects) or must not do to stay deterministic and engine-independent (no
 * randomness, and no Intl or locale formatting unless the recorded engine has
 * Intl: contract/observed/javascript-engine.json). Checked on the TypeScript
 * sources so each finding points at the line to change.
 */
const FORBIDDEN_GLOBALS = new Map<string, string>(Object.entries({
  require: "require() is not available in Braze: import from transforms/ instead",
  process: "process is a Node.js global that Braze does not have",
  globalThis: "globalThis is host-dependent: use only payload, headers and your own code",
  window: "window does not exist in Braze",
  global: "global is a Node.js global that Braze does not have",
  eval: "eval is not allowed: snippets must be reviewable code",
  Function: "the Function constructor is eval in disguise",
  Promise: "Promises never settle before Braze takes the return value: transforms must be synchronous",
  setTimeout: "timers do not exist in Braze",
  setInterval: "timers do not exist in Braze",
  setImmediate: "timers do not exist in Braze",
  queueMicrotask: "timers do not exist in Braze",
  fetch: "Braze transformations cannot make network requests",
  XMLHttpRequest: "Braze transformations cannot make network requests",
  WebSocket: "Braze transformations cannot make network requests",
}));
const INTL_REASON = "Intl is not in the recorded engine (contract/observed/javascript-engine.json): format values explicitly";

const LOCALE_METHODS = new Set([
  "toLocaleString",
  "toLocaleDateString",
  "toLocaleTimeString",
  "toLocaleUpperCase",
  "toLocaleLowerCase",
  "localeCompare",
]);

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.reason}`;
}

/** Every finding in the transforms, the settings file and Braze's limits, in file and position order. */
export function runStaticChecks(project: Project): Finding[] {
  return createStaticChecker(project).findings();
}

/** Static checks kept up to date file by file, for watch mode. */
export function createStaticChecker(project: Project) {
  const { intl } = allowedByEngine(readObservedEngine(project.root));
  const check = (file: SourceFile) => checkFile(project, file, intl);
  const morph = new MorphProject({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  morph.addSourceFilesAtPaths([`${project.transformsDir}/**/*.ts`, `!${project.transformsDir}/**/*.d.ts`]);
  morph.addSourceFileAtPath(project.settingsFile);
  morph.addSourceFileAtPath(project.limitsFile);
  const byFile = new Map(morph.getSourceFiles().map((file) => [file.getFilePath() as string, check(file)]));
  return {
    findings: (): Finding[] => [...byFile.keys()].sort((a, b) => a.localeCompare(b)).flatMap((file) => byFile.get(file)!),
    /** Re-reads one changed file (or forgets a deleted one). */
    update(path: string): void {
      const file = morph.getSourceFile(path);
      if (file && file.refreshFromFileSystemSync() === FileSystemRefreshResult.Deleted) byFile.delete(path);
      else if (file) byFile.set(path, check(file));
      else if (path.endsWith(".ts") && path.startsWith(project.transformsDir)) byFile.set(path, check(morph.addSourceFileAtPath(path)));
    },
  };
}

function checkFile(project: Project, file: SourceFile, intl: boolean): Finding[] {
  const findings: Finding[] = [];
  const report = (node: Node, reason: string) => {
    const { line, column } = file.getLineAndColumnAtPos(node.getStart());
    findings.push({ file: displayPath(project, file.getFilePath()), line, column, reason });
  };
  file.forEachDescendant((node) => {
    const reason = moduleReason(project, file, node) ?? syntaxReason(node, intl);
    if (reason) report(node, reason);
  });
  return findings;
}

function moduleReason(project: Project, file: SourceFile, node: Node): string | undefined {
  if (Node.isImportEqualsDeclaration(node)) return "import = require() is not available in Braze";
  if (!Node.isImportDeclaration(node) && !Node.isExportDeclaration(node)) return undefined;
  const specifier = node.getModuleSpecifierValue();
  if (specifier === undefined || isTypeOnly(node)) return undefined;
  if (!specifier.startsWith(".")) {
    return `imports "${specifier}": a snippet cannot load packages or Node built-ins, only modules in transforms/`;
  }
  const target = resolve(dirname(file.getFilePath()), specifier);
  return isSnippetModule(project, `${target}.ts`) || isSnippetModule(project, target)
    ? undefined
    : `imports "${specifier}" from outside transforms/: only type imports may reach outside (and contract/limits, Braze's rules)`;
}

/** Type-only imports are erased from the output, so they may come from anywhere. */
function isTypeOnly(node: Node): boolean {
  if (Node.isImportDeclaration(node)) {
    if (node.isTypeOnly()) return true;
    const named = node.getNamedImports();
    return !node.getDefaultImport() && !node.getNamespaceImport() && named.length > 0 && named.every((n) => n.isTypeOnly());
  }
  return Node.isExportDeclaration(node) && node.isTypeOnly();
}

function syntaxReason(node: Node, intl: boolean): string | undefined {
  switch (node.getKind()) {
    case SyntaxKind.Identifier:
      return globalReason(node, intl);
    case SyntaxKind.AsyncKeyword:
      return "async functions never finish before Braze takes the return value: transforms must be synchronous";
    case SyntaxKind.AwaitExpression:
      return "await is not available: transforms must be synchronous";
    case SyntaxKind.CallExpression:
      return Node.isCallExpression(node) && node.getExpression().getKind() === SyntaxKind.ImportKeyword
        ? "dynamic import() is not available in Braze"
        : undefined;
    case SyntaxKind.PropertyAccessExpression:
      return Node.isPropertyAccessExpression(node) ? memberReason(node.getExpression().getText(), node.getName(), intl) : undefined;
    default:
      return undefined;
  }
}

function memberReason(object: string, member: string, intl: boolean): string | undefined {
  if (!intl && LOCALE_METHODS.has(member)) return `${member}() depends on the engine's locale data: format values explicitly`;
  if (object === "Math" && member === "random") return "Math.random() makes outputs non-deterministic and untestable";
  return undefined;
}

/** A global's name used as a value, not as a property name or a declaration's own name. */
function globalReason(node: Node, intl: boolean): string | undefined {
  const reason = node.getText() === "Intl" && !intl ? INTL_REASON : FORBIDDEN_GLOBALS.get(node.getText());
  if (!reason) return undefined;
  const parent = node.getParent();
  if (!parent) return reason;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) return undefined;
  if ((Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === node) {
    return undefined;
  }
  if (Node.isTypeReference(parent) || Node.isQualifiedName(parent)) return undefined;
  return reason;
}
