import type MagicString from "magic-string";
import { parseAst } from "rollup/parseAst";
import { walk, type AstNode } from "./ast";

/**
 * The bundler leaves an object whose every property it dropped as "{" and
 * "}" lines apart; a reviewer reads that as a mistake. Written as `{}`, as
 * an edit of `text` so that the snippet's source map follows it.
 */
export function collapseEmptyObjects(text: MagicString): void {
  const code = text.original;
  walk(parseAst(code, { allowReturnOutsideFunction: true }) as unknown as AstNode, (node) => {
    if (node.type === "ObjectExpression" && (node.properties as unknown[]).length === 0 && code.slice(node.start, node.end) !== "{}") text.overwrite(node.start, node.end, "{}");
  });
}
