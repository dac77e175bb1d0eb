/**
 * A template that cannot render: Liquid syntax, a filter Braze lacks, a
 * connected_content call without a fixture, a missing content block, a Braze
 * context rule broken. One line: `<field>: <what> (line L, col C when known): <what to do>`.
 */
export class LiquidTemplateError extends Error {
  override readonly name = "LiquidTemplateError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where in the text the author wrote; `source` names a content block when it is not the field itself. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
  readonly source?: string;
}

/**
 * Something the Braze layer refuses, as what is wrong and what to do. Thrown
 * from inside liquidjs (tags, filters), it gets its position from the liquidjs
 * token it surfaces with, unless it carries one.
 */
export class TemplateProblem extends Error {
  override readonly name = "TemplateProblem";
  constructor(
    readonly what: string,
    readonly hint: string,
    readonly position?: SourcePosition,
  ) {
    super(what);
  }
}

/** Line and column (both from 1, as liquidjs counts) of an offset in `text`. */
export function positionAt(text: string, offset: number, source?: string): SourcePosition {
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const col = (before[line - 1]?.length ?? 0) + 1;
  return source === undefined ? { line, col } : { line, col, source };
}

/** The one-line message of a LiquidTemplateError. */
export function templateErrorMessage(field: string, what: string, hint: string, position: SourcePosition | undefined): string {
  const where = position === undefined ? "" : ` (${position.source === undefined ? "" : `${position.source}, `}line ${position.line}, col ${position.col})`;
  // Liquid's own messages are one line already; this keeps a stray newline in a quoted value from breaking the contract.
  return `${field}: ${what}${where}: ${hint}`.replace(/\s*[\r\n]+\s*/g, " ");
}
