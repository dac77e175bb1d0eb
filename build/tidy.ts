import { parseAst } from "rollup/parseAst";
import { walk, type AstNode } from "./ast";

/**
 * The bundler leaves an object whose every property it dropped as "{" and
 * "}" lines apart; a reviewer reads that as a mistake. Written as `{}`.
 */
export function collapseEmptyObjects(code: string): string {
  const empty: AstNode[] = [];
  walk(parseAst(code, { allowReturnOutsideFunction: true }) as unknown as AstNode, (node) => {
    if (node.type === "ObjectExpression" && (node.properties as unknown[]).length === 0 && code.slice(node.start, node.end) !== "{}") empty.push(node);
  });
  let tidy = code;
  for (const node of empty.sort((a, b) => b.start - a.start)) tidy = `${tidy.slice(0, node.start)}{}${tidy.slice(node.end)}`;
  return tidy;
}
