import type MagicString from "magic-string";
import { walk, type AstNode } from "./ast";

/**
 * The bundler leaves an object whose every property it dropped as "{" and
 * "}" lines apart; a reviewer reads that as a mistake. Written as `{}`, as
 * an edit of `text` so that the snippet's source map follows it.
 * `statements` are those of `text`, parsed.
 */
export function collapseEmptyObjects(text: MagicString, statements: readonly AstNode[]): void {
  const code = text.original;
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === "ObjectExpression" && (node.properties as unknown[]).length === 0 && code.slice(node.start, node.end) !== "{}") text.overwrite(node.start, node.end, "{}");
    });
  }
}
