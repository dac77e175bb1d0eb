import { parseAst } from "rollup/parseAst";
import { walk, type AstNode as Node } from "./ast";

/** Syntax newer than ES2018, or module syntax, that a pasted snippet must not contain. */
const FORBIDDEN: Record<string, (node: Node) => string | undefined> = {
  ImportDeclaration: () => "import declaration",
  ImportExpression: () => "dynamic import()",
  ExportNamedDeclaration: () => "export",
  ExportDefaultDeclaration: () => "export",
  ExportAllDeclaration: () => "export",
  ChainExpression: () => "optional chaining (?.) is newer than ES2018",
  LogicalExpression: (node) => (node.operator === "??" ? "nullish coalescing (??) is newer than ES2018" : undefined),
  AssignmentExpression: (node) =>
    ["??=", "||=", "&&="].indexOf(String(node.operator)) >= 0 ? `${node.operator} is newer than ES2018` : undefined,
  PrivateIdentifier: () => "private class members are newer than ES2018",
  PropertyDefinition: () => "class fields are newer than ES2018",
  CallExpression: (node) => {
    const callee = node.callee as Node;
    return callee.type === "Identifier" && callee.name === "require" ? "require()" : undefined;
  },
  Literal: (node) => (typeof node.bigint === "string" ? "BigInt literals are newer than ES2018" : undefined),
};

/**
 * Problems that would make Braze reject or misrun the pasted text: it must
 * parse as a function body, contain no module syntax, use nothing newer than
 * ES2018 and end with its one top-level return.
 */
export function snippetProblems(code: string): string[] {
  let program: Node;
  try {
    program = parseAst(code, { allowReturnOutsideFunction: true }) as unknown as Node;
  } catch (error) {
    return [`does not parse as a function body: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  walk(program, (node) => {
    const problem = FORBIDDEN[node.type] && FORBIDDEN[node.type]!(node);
    if (problem) problems.push(`${lineOf(code, node.start)}: ${problem}`);
  });
  const statements = program.body as Node[];
  const returns = statements.filter((statement) => statement.type === "ReturnStatement");
  if (returns.length !== 1 || statements[statements.length - 1] !== returns[0]) {
    problems.push("must end with exactly one top-level return");
  }
  return problems;
}

function lineOf(code: string, offset: number): string {
  return `line ${code.slice(0, offset).split("\n").length}`;
}
