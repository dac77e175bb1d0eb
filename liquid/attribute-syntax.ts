/**
 * Braze's `${name}` attribute syntax, rewritten before liquidjs parses the
 * template: `${first_name}` and `custom_attribute.${rokt:account_code}` become
 * bracket lookups on hidden root variables (`__braze_standard['first_name']`),
 * so a name may hold any character but `}`. A decimal literal JavaScript would
 * read as an Integer (`15.0`) becomes a lookup of the Ruby Float it is.
 */
import { Drop } from "liquidjs";
import { boundedCache } from "./bounded-cache";
import type { RenderContext } from "./context";
import { RubyFloat } from "./ruby-number";

/** The `namespace.${name}` forms and what each reads; a bare `${name}` is a standard attribute. */
const NAMESPACES = {
  custom_attribute: (context: RenderContext) => context.user.customAttributes,
  event_properties: (context: RenderContext) => context.eventProperties,
  canvas_entry_properties: (context: RenderContext) => context.canvasEntryProperties,
  context: (context: RenderContext) => context.canvasEntryProperties,
  // A local profile has no subscription states: every subscribed_state.${…} is nil.
  subscribed_state: () => undefined,
} satisfies Record<string, (context: RenderContext) => object | undefined>;

type Namespace = keyof typeof NAMESPACES | "standard" | "float";

/** The Floats decimal literals stand for, looked up by the literal's text. */
class FloatLiterals extends Drop {
  override liquidMethodMissing(key: string | number): RubyFloat {
    return new RubyFloat(Number(key));
  }
}

const FLOAT_LITERALS = new FloatLiterals();

/** Braze namespaces that exist but hold nothing a local render has (campaign, device, inbound message data). */
const NAMESPACES_NOT_LOCAL: ReadonlySet<string> = new Set([
  "campaign",
  "canvas",
  "app",
  "most_recently_used_device",
  "targeted_device",
  "sms",
  "whats_app",
]);

const CONTENT_BLOCKS = "content_blocks";

/** The tag a `{{content_blocks.${name}}}` output is rewritten to; tags.ts renders the block in its place. */
export const CONTENT_BLOCK_TAG = "__braze_content_block";

const ROOT_PREFIX = "__braze_";

function rootVariable(namespace: Namespace): string {
  return `${ROOT_PREFIX}${namespace}`;
}

function isNamespace(word: string): word is keyof typeof NAMESPACES {
  return Object.hasOwn(NAMESPACES, word);
}

/** The hidden root variables the rewritten lookups read, for the render scope. */
export function attributeRoots(context: RenderContext): Record<string, unknown> {
  const roots: Record<string, unknown> = { [rootVariable("standard")]: context.user.standard, [rootVariable("float")]: FLOAT_LITERALS };
  for (const namespace of Object.keys(NAMESPACES)) {
    if (isNamespace(namespace)) roots[rootVariable(namespace)] = NAMESPACES[namespace](context) ?? {};
  }
  return roots;
}

/** A liquidjs string literal holding `text` exactly (liquidjs reads backslash escapes in quoted strings). */
function quote(text: string): string {
  return `'${text.replace(/[\\']/g, "\\$&")}'`;
}

function lookup(namespace: Namespace, name: string): string {
  return `${rootVariable(namespace)}[${quote(name)}]`;
}

const HIDDEN_LOOKUP = new RegExp(`${ROOT_PREFIX}(\\w+)\\['((?:[^'\\\\]|\\\\.)*)'\\]`, "g");

/** Puts Braze's syntax back into a liquidjs message that quotes rewritten source. */
export function restoreAttributeSyntax(text: string): string {
  return text.replace(HIDDEN_LOOKUP, (_match, namespace: string, quoted: string) => {
    const name = quoted.replace(/\\(.)/g, "$1");
    if (namespace === "float") return name;
    return namespace === "standard" ? `\${${name}}` : `${namespace}.\${${name}}`;
  });
}

/** A `${…}` the rewrite refuses, at an offset of the template. */
export class AttributeSyntaxError extends Error {
  override readonly name = "AttributeSyntaxError";
  constructor(
    readonly what: string,
    readonly hint: string,
    readonly offset: number,
  ) {
    super(what);
  }
}

/** The template liquidjs parses, and how its offsets map back to the author's text. */
export interface RewrittenTemplate {
  readonly source: string;
  /** The offset in the original template that an offset of `source` came from (a rewritten span maps to its start). */
  originalOffset(offset: number): number;
}

interface Piece {
  readonly outStart: number;
  readonly inStart: number;
  inEnd: number;
  readonly verbatim: boolean;
}

/** Builds the rewritten text from copied and replaced spans of the input, keeping the offset map. */
class Rewriter {
  private out = "";
  private readonly pieces: Piece[] = [];

  constructor(readonly input: string) {}

  copy(from: number, to: number): void {
    if (to <= from) return;
    const last = this.pieces.at(-1);
    if (last?.verbatim && last.inEnd === from) last.inEnd = to;
    else this.pieces.push({ outStart: this.out.length, inStart: from, inEnd: to, verbatim: true });
    this.out += this.input.slice(from, to);
  }

  replace(from: number, to: number, text: string): void {
    this.pieces.push({ outStart: this.out.length, inStart: from, inEnd: to, verbatim: false });
    this.out += text;
  }

  result(): RewrittenTemplate {
    const { out: source, pieces } = this;
    return {
      source,
      originalOffset(offset) {
        for (let i = pieces.length - 1; i >= 0; i--) {
          const piece = pieces[i];
          if (piece !== undefined && piece.outStart <= offset) return piece.verbatim ? piece.inStart + (offset - piece.outStart) : piece.inStart;
        }
        return offset;
      },
    };
  }
}

/** The index of the `}` closing a `${` at `start`, or -1 when this is no attribute reference. */
function referenceEnd(input: string, start: number, limit: number): number {
  if (!input.startsWith("${", start)) return -1;
  const close = input.indexOf("}", start + 2);
  return close >= 0 && close < limit ? close : -1;
}

/** Just past the quote closing the string literal opened at `start`: Ruby Liquid strings have no escapes, so the next same quote. */
function quotedEnd(input: string, start: number, limit: number): number {
  const close = input.indexOf(input[start] ?? "", start + 1);
  return close < 0 || close >= limit ? limit : close + 1;
}

/** Just past the `%}` ending the tag at `start` (liquidjs ignores quotes there), or -1. */
function tagEnd(input: string, start: number): number {
  for (let p = start + 2; p < input.length; p++) {
    const close = referenceEnd(input, p, input.length);
    if (close >= 0) p = close;
    else if (input.startsWith("%}", p)) return p + 2;
  }
  return -1;
}

/** Just past the `}}` ending the output at `start`, skipping strings and nested `{{ }}`, or -1. */
function outputEnd(input: string, start: number, limit: number): number {
  let depth = 0;
  for (let p = start + 2; p < limit; p++) {
    const close = referenceEnd(input, p, limit);
    if (close >= 0) p = close;
    else if (input[p] === "'" || input[p] === '"') p = quotedEnd(input, p, limit) - 1;
    else if (input.startsWith("{{", p)) {
      depth++;
      p++;
    } else if (input.startsWith("}}", p)) {
      if (depth === 0) return p + 2;
      depth--;
      p++;
    }
  }
  return -1;
}

const TAG_NAME = /\{%-?\s*(\w+|#)/y;
const DELIMITER = /\{[{%]/g;
/** Blocks whose inside is not Liquid code: copied as they are, up to their end tag. */
const VERBATIM_BLOCK_ENDS: ReadonlyMap<string, RegExp> = new Map([
  ["raw", /\{%-?\s*endraw\s*-?%\}/g],
  ["comment", /\{%-?\s*endcomment\s*-?%\}/g],
]);
const WORD = /\w+/y;
const WHOLE_CONTENT_BLOCK = new RegExp(`^\\s*${CONTENT_BLOCKS}\\.\\$\\{([^}]*)\\}\\s*$`);

function tagName(input: string, start: number): string | undefined {
  TAG_NAME.lastIndex = start;
  return TAG_NAME.exec(input)?.[1];
}

const DECIMAL_LITERAL = /-?\d+\.\d+(?![\w.])/y;

/** The decimal literal at `start` when JavaScript would read it as an integer (`15.0`, not `1.5`), else undefined. */
function integralDecimalAt(input: string, start: number, limit: number): string | undefined {
  if (!/[-\d]/.test(input[start] ?? "") || /[\w.\]]/.test(input[start - 1] ?? "")) return undefined;
  DECIMAL_LITERAL.lastIndex = start;
  const literal = DECIMAL_LITERAL.exec(input)?.[0];
  return literal !== undefined && start + literal.length <= limit && Number.isInteger(Number(literal)) ? literal : undefined;
}

function wordEnd(input: string, start: number): number {
  WORD.lastIndex = start;
  return WORD.test(input) ? WORD.lastIndex : start;
}

/** A `namespace.${name}` reference in Liquid code: its lookup, or why Braze's syntax cannot be rendered. */
function namespacedLookup(namespace: string, name: string, offset: number): string {
  if (isNamespace(namespace)) return lookup(namespace, name);
  const written = `${namespace}.\${${name}}`;
  if (namespace === CONTENT_BLOCKS) {
    throw new AttributeSyntaxError(`${written} is only supported as a whole output`, `write {{${written}}} on its own`, offset);
  }
  if (NAMESPACES_NOT_LOCAL.has(namespace)) {
    throw new AttributeSyntaxError(`${written} is Braze data a local render does not have`, "render this template in Braze, or use an attribute the profile holds", offset);
  }
  throw new AttributeSyntaxError(
    `"${namespace}" is not a Braze attribute namespace`,
    `use \${name} for a standard attribute or one of ${Object.keys(NAMESPACES).join(", ")}`,
    offset,
  );
}

/**
 * Rewrites Liquid code (a tag's or an output's inside): attribute references
 * become lookups, and Braze's optional `{{ }}` around a value inside a tag or
 * output are dropped, so `{{custom_attribute.${a}}}[0]` is indexed as `…['a'][0]`.
 * String literals keep their text.
 */
function rewriteCode(rewriter: Rewriter, from: number, to: number): void {
  const { input } = rewriter;
  let p = from;
  while (p < to) {
    const bareClose = referenceEnd(input, p, to);
    if (bareClose >= 0) {
      rewriter.replace(p, bareClose + 1, lookup("standard", input.slice(p + 2, bareClose)));
      p = bareClose + 1;
      continue;
    }
    const decimal = integralDecimalAt(input, p, to);
    if (decimal !== undefined) {
      rewriter.replace(p, p + decimal.length, lookup("float", decimal));
      p += decimal.length;
      continue;
    }
    const end = wordEnd(input, p);
    if (end > p) {
      const close = input[end] === "." ? referenceEnd(input, end + 1, to) : -1;
      if (close >= 0) {
        rewriter.replace(p, close + 1, namespacedLookup(input.slice(p, end), input.slice(end + 3, close), p));
        p = close + 1;
      } else {
        rewriter.copy(p, end);
        p = end;
      }
      continue;
    }
    const nested = /^(?:\{\{-?|-?\}\})/.exec(input.slice(p, p + 3))?.[0];
    if (nested !== undefined) {
      rewriter.replace(p, p + nested.length, "");
      p += nested.length;
      continue;
    }
    if (input[p] === "'" || input[p] === '"') {
      const end = quotedEnd(input, p, to);
      const literal = input.slice(p, end);
      // liquidjs reads backslash escapes Ruby Liquid does not have: doubled, a backslash stays a backslash.
      if (literal.includes("\\")) rewriter.replace(p, end, literal.replace(/\\/g, "\\\\"));
      else rewriter.copy(p, end);
      p = end;
      continue;
    }
    rewriter.copy(p, p + 1);
    p++;
  }
}

/** Rewrites the output at `start`; returns where scanning goes on. */
function rewriteOutput(rewriter: Rewriter, start: number, limit: number): number {
  const { input } = rewriter;
  const end = outputEnd(input, start, limit);
  if (end < 0) {
    rewriter.copy(start, limit); // unclosed: liquidjs reports it
    return limit;
  }
  const trimLeft = input[start + 2] === "-" ? "-" : "";
  const trimRight = end - 3 > start + 2 && input[end - 3] === "-" ? "-" : "";
  const bodyStart = start + 2 + trimLeft.length;
  const bodyEnd = end - 2 - trimRight.length;
  const block = WHOLE_CONTENT_BLOCK.exec(input.slice(bodyStart, bodyEnd));
  if (block?.[1] !== undefined) {
    rewriter.replace(start, end, `{%${trimLeft} ${CONTENT_BLOCK_TAG} ${quote(block[1])} ${trimRight}%}`);
    return end;
  }
  rewriter.copy(start, bodyStart);
  rewriteCode(rewriter, bodyStart, bodyEnd);
  rewriter.copy(bodyEnd, end);
  return end;
}

/** connected_content's arguments are text (a URL, a body) with `{{ }}` outputs Braze renders: only those are Liquid code. */
function rewriteConnectedContentArguments(rewriter: Rewriter, from: number, to: number): void {
  let p = from;
  while (p < to) {
    const output = rewriter.input.indexOf("{{", p);
    if (output < 0 || output >= to) break;
    rewriter.copy(p, output);
    p = rewriteOutput(rewriter, output, to);
  }
  rewriter.copy(p, to);
}

/** Rewrites the tag at `start`; returns where scanning goes on. */
function rewriteTag(rewriter: Rewriter, start: number): number {
  const { input } = rewriter;
  const end = tagEnd(input, start);
  if (end < 0) {
    rewriter.copy(start, input.length); // unclosed: liquidjs reports it
    return input.length;
  }
  const name = tagName(input, start);
  if (name === "#") {
    rewriter.copy(start, end); // an inline comment
    return end;
  }
  const blockEnd = name === undefined ? undefined : VERBATIM_BLOCK_ENDS.get(name);
  if (blockEnd !== undefined) {
    blockEnd.lastIndex = end;
    const endTag = blockEnd.exec(input);
    const stop = endTag === null ? input.length : endTag.index + endTag[0].length;
    rewriter.copy(start, stop);
    return stop;
  }
  rewriter.copy(start, start + 2);
  if (name === "connected_content") rewriteConnectedContentArguments(rewriter, start + 2, end - 2);
  else rewriteCode(rewriter, start + 2, end - 2);
  rewriter.copy(end - 2, end);
  return end;
}

/** How many distinct texts stay rewritten: a template's fields and content blocks are rendered again and again. */
const REWRITTEN_TEXTS = 500;

/** Rewrites a whole template (a field or a content block), once per text; throws AttributeSyntaxError for references it cannot render. */
export const rewriteAttributeSyntax: (template: string) => RewrittenTemplate = boundedCache(REWRITTEN_TEXTS, rewrite);

function rewrite(template: string): RewrittenTemplate {
  const rewriter = new Rewriter(template);
  let p = 0;
  while (p < template.length) {
    DELIMITER.lastIndex = p;
    const open = DELIMITER.exec(template)?.index;
    if (open === undefined) break;
    rewriter.copy(p, open);
    p = template[open + 1] === "%" ? rewriteTag(rewriter, open) : rewriteOutput(rewriter, open, template.length);
  }
  rewriter.copy(p, template.length);
  return rewriter.result();
}
