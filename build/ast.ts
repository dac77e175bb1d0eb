/** A node of rollup's ESTree AST, with its offsets in the parsed code. */
export type AstNode = { type: string; start: number; end: number; [key: string]: unknown };

/** Visits `node` and every node below it, parents first. */
export function walk(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object" && typeof (child as AstNode).type === "string") walk(child as AstNode, visit);
    }
  }
}
