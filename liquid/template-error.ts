/** Turns what liquidjs or the Braze layer threw while rendering a field into a one-line LiquidTemplateError. */
import { LiquidError, ParseError, TokenizationError } from "liquidjs";
import { restoreAttributeSyntax } from "./attribute-syntax";
import { LiquidTemplateError, TemplateProblem, templateErrorMessage } from "./errors";
import type { RenderState } from "./render-state";

/** liquidjs wraps what a tag or filter throws; the innermost error says what went wrong. */
export function rootCause(error: unknown): unknown {
  let cause = error;
  while (LiquidError.is(cause) && cause.originalError !== undefined) cause = cause.originalError;
  return cause;
}

/** liquidjs appends its own position, which counts in the rewritten source. */
function withoutPosition(message: string): string {
  return message.replace(/, line:\d+, col:\d+$/, "");
}

function describeLiquidjsMessage(message: string, parsing: boolean): { what: string; hint: string } {
  const filter = /^undefined filter: (.+)$/.exec(message)?.[1];
  if (filter !== undefined) return { what: `filter "${filter}" is not one of Braze's filters`, hint: "use a filter Braze supports (json_escape for text inside JSON)" };
  const tag = /^tag "(.+)" not found$/.exec(message)?.[1];
  if (tag !== undefined) return { what: `tag "${tag}" is not a Liquid tag Braze supports`, hint: "check the tag's name" };
  return { what: restoreAttributeSyntax(message), hint: parsing ? "fix the Liquid syntax" : "fix the template" };
}

/** The LiquidTemplateError for `error`, or `error` itself when it is not about the template (a bug). */
export function templateError(error: unknown, state: RenderState): unknown {
  const liquidError = LiquidError.is(error) ? error : undefined;
  const cause = rootCause(error);
  const tokenPosition = liquidError && state.positionOf(liquidError.token.input, liquidError.token.begin);
  if (cause instanceof TemplateProblem) {
    return new LiquidTemplateError(state.field, templateErrorMessage(state.field, cause.what, cause.hint, cause.position ?? tokenPosition));
  }
  if (liquidError === undefined) return error;
  const message = cause instanceof Error && cause !== liquidError ? cause.message : withoutPosition(liquidError.message);
  const parsing = liquidError instanceof ParseError || liquidError instanceof TokenizationError;
  const { what, hint } = describeLiquidjsMessage(message, parsing);
  return new LiquidTemplateError(state.field, templateErrorMessage(state.field, what, hint, tokenPosition));
}
