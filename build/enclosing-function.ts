import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

/*
 * Only an error's description needs this, so the compiler is loaded the
 * first time one does: `bdt run` on a snippet that works never loads it.
 */
let ts: typeof TypeScript | undefined;
const parsed = new Map<string, { text: string; file: TypeScript.SourceFile }>();

/**
 * The name of the innermost named function around a 1-based line and column
 * of a TypeScript file, as its author would call it: "requireIdentity",
 * "MissingIdentityError.constructor", "TransformError.NAME". Anonymous
 * callbacks are skipped for the function they are written in; undefined at
 * the top level of the module.
 */
export function enclosingFunction(path: string, line: number, column: number): string | undefined {
  ts ??= createRequire(import.meta.url)("typescript") as typeof TypeScript;
  const file = sourceFile(ts, path);
  const lines = file.getLineStarts();
  if (line < 1 || line > lines.length) return undefined;
  const position = lines[line - 1]! + column - 1;
  let name: string | undefined;
  const visit = (node: TypeScript.Node): void => {
    if (position < node.getStart(file) || position >= node.end) return;
    name = functionName(ts!, node, file) ?? name;
    ts!.forEachChild(node, visit);
  };
  visit(file);
  return name;
}

function sourceFile(compiler: typeof TypeScript, path: string): TypeScript.SourceFile {
  const text = readFileSync(path, "utf8");
  const cached = parsed.get(path);
  if (cached && cached.text === text) return cached.file;
  const file = compiler.createSourceFile(path, text, compiler.ScriptTarget.Latest, true);
  parsed.set(path, { text, file });
  return file;
}

function functionName(compiler: typeof TypeScript, node: TypeScript.Node, file: TypeScript.SourceFile): string | undefined {
  if (compiler.isFunctionDeclaration(node)) return node.name?.text;
  if (compiler.isConstructorDeclaration(node)) return `${className(compiler, node.parent)}.constructor`;
  if (compiler.isMethodDeclaration(node) || compiler.isGetAccessorDeclaration(node) || compiler.isSetAccessorDeclaration(node)) {
    const name = node.name.getText(file);
    return compiler.isClassLike(node.parent) ? `${className(compiler, node.parent)}.${name}` : name;
  }
  if (!compiler.isArrowFunction(node) && !compiler.isFunctionExpression(node)) return undefined;
  if (compiler.isFunctionExpression(node) && node.name) return node.name.text;
  // An unnamed function is named by what it is assigned to, if anything.
  const { parent } = node;
  if (compiler.isVariableDeclaration(parent) || compiler.isPropertyAssignment(parent)) return parent.name.getText(file);
  if (compiler.isPropertyDeclaration(parent)) return `${className(compiler, parent.parent)}.${parent.name.getText(file)}`;
  if (compiler.isBinaryExpression(parent) && parent.operatorToken.kind === compiler.SyntaxKind.EqualsToken) return parent.left.getText(file);
  return undefined;
}

function className(compiler: typeof TypeScript, node: TypeScript.Node): string {
  return (compiler.isClassLike(node) && node.name?.text) || "(class)";
}
