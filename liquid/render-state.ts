/**
 * What one field's render carries besides Liquid variables: the render
 * context, the connected_content calls made so far, and the rewritten sources
 * (the field, each content block) so liquidjs positions map back to the text
 * the author wrote. The Braze tags and filters reach it from liquidjs's
 * Context, keyed by the render's scope object so templates cannot name it.
 */
import type { Context } from "liquidjs";
import { attributeRoots, AttributeSyntaxError, rewriteAttributeSyntax, type RewrittenTemplate } from "./attribute-syntax";
import type { ConnectedCall, RenderContext } from "./context";
import type { Dialect } from "./dialect";
import { positionAt, TemplateProblem, type SourcePosition } from "./errors";
import { defaultDialect } from "./observed-dialect";

interface PreparedSource {
  readonly template: string;
  readonly rewritten: RewrittenTemplate;
  readonly label: string | undefined;
}

const statesByScope = new WeakMap<object, RenderState>();

export class RenderState {
  readonly calls: ConnectedCall[] = [];
  readonly now: Date;
  readonly dialect: Dialect;
  private readonly sources = new Map<string, PreparedSource>();
  private readonly openContentBlocks: string[] = [];

  constructor(
    readonly context: RenderContext,
    readonly field: string,
  ) {
    this.now = context.now ?? new Date();
    this.dialect = context.dialect ?? defaultDialect();
  }

  /** A fresh render scope: the attribute roots, and nothing a previous field assigned. */
  scope(): object {
    const scope = attributeRoots(this.context);
    statesByScope.set(scope, this);
    return scope;
  }

  /** Rewrites a template (the field, or a content block named by `label`) into what liquidjs parses. */
  prepare(template: string, label?: string): string {
    try {
      const rewritten = rewriteAttributeSyntax(template);
      this.sources.set(rewritten.source, { template, rewritten, label });
      return rewritten.source;
    } catch (error) {
      if (!(error instanceof AttributeSyntaxError)) throw error;
      throw new TemplateProblem(error.what, error.hint, positionAt(template, error.offset, label));
    }
  }

  /** Where an offset of a prepared source (a liquidjs token's input) is in the author's text. */
  positionOf(input: string, offset: number): SourcePosition | undefined {
    const source = this.sources.get(input);
    return source && positionAt(source.template, source.rewritten.originalOffset(offset), source.label);
  }

  /** The prepared source of a content block, which stays open until `closeContentBlock`. */
  openContentBlock(name: string): string {
    const blocks = this.context.contentBlocks ?? {};
    const text = Object.hasOwn(blocks, name) ? blocks[name] : undefined;
    if (text === undefined) {
      throw new TemplateProblem(`content block ${JSON.stringify(name)} is not provided`, `provide its text with --content-block ${name}=block.liquid`);
    }
    if (this.openContentBlocks.includes(name)) {
      throw new TemplateProblem(`content block ${JSON.stringify(name)} includes itself`, "break the cycle of content blocks including each other");
    }
    const source = this.prepare(text, `content block ${JSON.stringify(name)}`);
    this.openContentBlocks.push(name);
    return source;
  }

  closeContentBlock(): void {
    this.openContentBlocks.pop();
  }

  /** The fixture for a connected_content call saved as `save`, if the context has one. */
  connectedResponse(save: string): { readonly value: unknown } | undefined {
    const responses = this.context.connected ?? {};
    return Object.hasOwn(responses, save) ? { value: responses[save] } : undefined;
  }
}

export function renderStateOf(ctx: Context): RenderState {
  const state = statesByScope.get(ctx.environments);
  if (state === undefined) throw new Error("a Braze tag or filter ran outside renderField");
  return state;
}
