/**
 * Braze's own tags: connected_content, abort_message, the content-block
 * include the attribute rewrite produces, and the Braze tags a local render
 * cannot do.
 */
import { Tag, TypeGuards, type Context, type Emitter, type Liquid, type Parser, type TagToken, type TopLevelToken } from "liquidjs";
import { CONTENT_BLOCK_TAG } from "./attribute-syntax";
import { ConnectedContentTag } from "./connected-content";
import { parsedBy } from "./parsed";
import { TemplateProblem } from "./errors";
import { renderStateOf } from "./render-state";

/** What Liquid#registerTag takes as a class (liquidjs does not export its own name for it). */
type TagClass = new (token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) => Tag;

// --- abort_message ---

/** Thrown by abort_message: the field, and so the webhook, is not sent. */
export class MessageAborted extends Error {
  override readonly name = "MessageAborted";
  constructor(readonly reason: string) {
    super(`message aborted: ${reason}`);
  }
}

const ABORT_ARGUMENTS = /^\(\s*(?:'([^']*)'|"([^"]*)")?\s*\)$/;

class AbortMessageTag extends Tag {
  private readonly reason: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const match = ABORT_ARGUMENTS.exec(token.args);
    if (match === null) {
      throw new TemplateProblem(`abort_message${token.args} is not abort_message('reason') or abort_message()`, "give the reason as one quoted string");
    }
    this.reason = match[1] ?? match[2] ?? "";
  }

  render(): never {
    throw new MessageAborted(this.reason);
  }
}

// --- content blocks ---

/** Renders a content block in place, into the same scope, as Braze includes it. */
class ContentBlockTag extends Tag {
  private readonly block: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const name = this.tokenizer.readValue();
    if (!TypeGuards.isQuotedToken(name)) throw new Error(`${CONTENT_BLOCK_TAG} takes the block name as a quoted string`);
    this.block = name.content;
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = renderStateOf(ctx);
    const source = state.openContentBlock(this.block);
    try {
      yield this.liquid.renderer.renderTemplates(parsedBy(this.liquid, source), ctx, emitter);
    } finally {
      state.closeContentBlock();
    }
  }
}

// --- tags a local render cannot do ---

function notRenderedLocally(what: string, hint: string): TagClass {
  return class extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new TemplateProblem(`tag "${token.name}" ${what}`, hint);
    }

    render(): void {}
  };
}

const READS_BRAZE_DATA = "reads Braze data a local render does not have";
const LOADS_A_FILE = "loads a template file, which a Braze message does not have";

/** The tags the engine adds to liquidjs's; liquidjs's own tags of the same name are replaced. */
export const BRAZE_TAGS: Readonly<Record<string, TagClass>> = {
  connected_content: ConnectedContentTag,
  abort_message: AbortMessageTag,
  [CONTENT_BLOCK_TAG]: ContentBlockTag,
  catalog_items: notRenderedLocally(READS_BRAZE_DATA, "render this template in Braze"),
  catalog_selection_items: notRenderedLocally(READS_BRAZE_DATA, "render this template in Braze"),
  promotion: notRenderedLocally(READS_BRAZE_DATA, "render this template in Braze"),
  include: notRenderedLocally(LOADS_A_FILE, "include shared text with {{content_blocks.${name}}}"),
  render: notRenderedLocally(LOADS_A_FILE, "include shared text with {{content_blocks.${name}}}"),
};

/** liquidjs tags that are not Shopify Liquid, so not Braze's. */
export const LIQUIDJS_ONLY_TAGS: readonly string[] = ["layout", "block"];
