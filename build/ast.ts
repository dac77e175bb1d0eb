/** A node of rollup's ESTree AST, with its offsets in the parsed code. */
export type AstNode = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * Visits `node` and every node below it, parents first. Allocates nothing:
 * it runs over every node of every snippet, twice.
 */
export function walk(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (!Array.isArray(value)) {
      if (isNode(value)) walk(value, visit);
      continue;
    }
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (isNode(child)) walk(child, visit);
    }
  }
}

function isNode(value: unknown): value is AstNode {
  return value !== null && typeof value === "object" && typeof (value as AstNode).type === "string";
}

/** The names a module's code exports. */
export function exportedNames(program: { body: AstNode[] }): string[] {
  return program.body.flatMap((statement) => {
    if (statement.type !== "ExportNamedDeclaration") return statement.type === "ExportDefaultDeclaration" ? ["default"] : [];
    const declaration = statement.declaration as (AstNode & { declarations?: { id: { name?: string } }[]; id?: { name?: string } }) | null;
    if (declaration) return (declaration.declarations ?? [declaration]).map((d) => ("id" in d && d.id && d.id.name) || "");
    return (statement.specifiers as { exported: { name?: string } }[]).map((specifier) => specifier.exported.name ?? "");
  });
}
