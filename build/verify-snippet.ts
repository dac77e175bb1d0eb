import { parseAst } from "rollup/parseAst";
import { syntaxYear, type SyntaxLevel } from "../sandbox/engines";
import { walk, type AstNode as Node } from "./ast";

/** Module syntax, which a pasted function body can never contain. */
const MODULE_SYNTAX: Record<string, (node: Node) => string | undefined> = {
  ImportDeclaration: () => "import declaration",
  ImportExpression: () => "dynamic import()",
  ExportNamedDeclaration: () => "export",
  ExportDefaultDeclaration: () => "export",
  ExportAllDeclaration: () => "export",
  CallExpression: (node) => {
    const callee = node.callee as Node;
    return callee.type === "Identifier" && callee.name === "require" ? "require()" : undefined;
  },
};

/** Syntax by the edition that introduced it: allowed once the engine's level reaches that edition. */
const NEWER_SYNTAX: Record<string, (node: Node) => { feature: string; level: SyntaxLevel } | undefined> = {
  CatchClause: (node) => (node.param === null ? { feature: "optional catch binding", level: "es2019" } : undefined),
  ChainExpression: () => ({ feature: "optional chaining (?.)", level: "es2020" }),
  LogicalExpression: (node) => (node.operator === "??" ? { feature: "nullish coalescing (??)", level: "es2020" } : undefined),
  Literal: (node) => (typeof node.bigint === "string" ? { feature: "BigInt literals", level: "es2020" } : undefined),
  AssignmentExpression: (node) => (["??=", "||=", "&&="].includes(String(node.operator)) ? { feature: String(node.operator), level: "es2021" } : undefined),
  PrivateIdentifier: () => ({ feature: "private class members", level: "es2022" }),
  PropertyDefinition: () => ({ feature: "class fields", level: "es2022" }),
  StaticBlock: () => ({ feature: "static blocks", level: "es2022" }),
};

function syntaxProblem(node: Node, level: SyntaxLevel): string | undefined {
  const moduleSyntax = MODULE_SYNTAX[node.type]?.(node);
  if (moduleSyntax) return moduleSyntax;
  const newer = NEWER_SYNTAX[node.type]?.(node);
  return newer && syntaxYear(newer.level) > syntaxYear(level) ? `${newer.feature} is ${newer.level} syntax, newer than the engine's ${level}` : undefined;
}

/**
 * Problems that would make Braze reject or misrun the pasted text: it must
 * parse as a function body, contain no module syntax, use no syntax newer than
 * the engine's level (contract/observed/javascript-engine.json) and end with
 * its one top-level return.
 */
export function snippetProblems(code: string, level: SyntaxLevel): string[] {
  let program: Node;
  try {
    program = parseAst(code, { allowReturnOutsideFunction: true }) as unknown as Node;
  } catch (error) {
    return [`does not parse as a function body: ${(error as Error).message}`];
  }
  const statements = program.body as Node[];
  const problems = syntaxProblems(statements, level, (offset) => lineOf(code, offset));
  const returns = statements.filter((statement) => statement.type === "ReturnStatement");
  if (returns.length !== 1 || statements[statements.length - 1] !== returns[0]) {
    problems.push("must end with exactly one top-level return");
  }
  return problems;
}

/** Module syntax and syntax newer than `level` in parsed statements, each at its line (`lineAt` says which, from an offset). */
export function syntaxProblems(statements: readonly Node[], level: SyntaxLevel, lineAt: (offset: number) => string): string[] {
  const problems: string[] = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      const problem = syntaxProblem(node, level);
      if (problem) problems.push(`${lineAt(node.start)}: ${problem}`);
    });
  }
  return problems;
}

/** "line 3" for an offset of `code`. */
export function lineOf(code: string, offset: number): string {
  return `line ${code.slice(0, offset).split("\n").length}`;
}
