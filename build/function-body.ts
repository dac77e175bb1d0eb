import { parseAst } from "rollup/parseAst";
import type { AstNode } from "./ast";
import { BuildError } from "./problems";

/** A bundled module split into its definitions and the name of its default-exported transform. */
export interface TransformModule {
  readonly definitions: string;
  /** The statements of `definitions`, parsed (offsets into it): the module is parsed once, for every step that reads it. */
  readonly statements: readonly AstNode[];
  readonly transformName: string;
}

export function splitDefaultExport(id: string, moduleCode: string): TransformModule {
  const program = parseAst(moduleCode);
  const last = program.body[program.body.length - 1];
  const only = last && last.type === "ExportNamedDeclaration" && !last.source && last.specifiers.length === 1;
  const specifier = only ? last.specifiers[0] : undefined;
  const exported = specifier && specifier.exported.type === "Identifier" ? specifier.exported.name : undefined;
  if (!last || !specifier || specifier.local.type !== "Identifier" || exported !== "default") {
    throw new BuildError(`${id}: a transform module must have exactly one export, its default transform`);
  }
  const exportStart = (last as unknown as { start: number }).start;
  const statements = program.body.slice(0, -1) as unknown as AstNode[];
  return { definitions: moduleCode.slice(0, exportStart).trimEnd(), statements, transformName: specifier.local.name };
}

/**
 * Braze runs the pasted code as a function body with `payload` and `headers`
 * in scope and takes its top-level `return`.
 */
export function functionBody(module: TransformModule): string {
  return `${module.definitions}\n\nreturn ${module.transformName}(payload, headers);\n`;
}
