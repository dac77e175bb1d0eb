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

/** The names a module's code exports. */
export function exportedNames(program: { body: AstNode[] }): string[] {
  return program.body.flatMap((statement) => {
    if (statement.type !== "ExportNamedDeclaration") return statement.type === "ExportDefaultDeclaration" ? ["default"] : [];
    const declaration = statement.declaration as (AstNode & { declarations?: { id: { name?: string } }[]; id?: { name?: string } }) | null;
    if (declaration) return (declaration.declarations ?? [declaration]).map((d) => ("id" in d && d.id && d.id.name) || "");
    return (statement.specifiers as { exported: { name?: string } }[]).map((specifier) => specifier.exported.name ?? "");
  });
}
