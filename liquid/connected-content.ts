/**
 * `{% connected_content <url> [:method get|post] [:body k=v&…] [:content_type t] [:headers {json}]
 * [:basic_auth name] [:auth_credentials name] [:save var] [:retry] [:cache_max_age N] [:no_cache] %}`,
 * answered from the render context's fixtures, never the network. Every call
 * is recorded as Braze would have made it.
 */
import { Tag, Tokenizer, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from "liquidjs";
import type { ConnectedCall } from "./context";
import { TemplateProblem } from "./errors";
import { isJsonObject } from "./json-values";
import { renderStateOf } from "./render-state";

const OPTIONS = ["method", "body", "content_type", "headers", "basic_auth", "auth_credentials", "save", "retry", "cache_max_age", "no_cache"] as const;
type Option = (typeof OPTIONS)[number];
const FLAGS: ReadonlySet<Option> = new Set(["retry", "no_cache"]);
const OPTION_LIST = OPTIONS.map((option) => `:${option}`).join(" ");
const DEFAULT_SAVE = "connected";
const VARIABLE_NAME = /^[A-Za-z_]\w*$/;
const OPTION_NAME = /\s*:([a-z_]+)/y;

function isOption(name: string): name is Option {
  return (OPTIONS as readonly string[]).includes(name);
}

function problem(what: string, hint: string): TemplateProblem {
  return new TemplateProblem(`connected_content ${what}`, hint);
}

/** A range of the tag token's input, blanks trimmed. */
interface Span {
  readonly from: number;
  readonly to: number;
}

function trimmed(input: string, from: number, to: number): Span {
  while (from < to && /\s/.test(input[from] ?? "")) from++;
  while (to > from && /\s/.test(input[to - 1] ?? "")) to--;
  return { from, to };
}

/**
 * Splits `URL :option value :flag …` where an option starts: a `:name` after
 * blanks (not the colon of `https:`), outside the `{{ }}` a URL or body may hold.
 */
function splitArguments(input: string, from: number, to: number): { url: Span; options: { name: string; value: Span }[] } {
  const starts: { name: string; at: number; valueFrom: number }[] = [];
  for (let p = from; p < to; p++) {
    if (input.startsWith("{{", p)) {
      const close = input.indexOf("}}", p + 2);
      p = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (p > from && !/\s/.test(input[p] ?? "")) continue;
    OPTION_NAME.lastIndex = p;
    const name = OPTION_NAME.exec(input)?.[1];
    const end = OPTION_NAME.lastIndex;
    if (name !== undefined && end <= to && (end === to || /\s/.test(input[end] ?? ""))) {
      starts.push({ name, at: p, valueFrom: end });
      p = end - 1;
    }
  }
  return {
    url: trimmed(input, from, starts[0]?.at ?? to),
    options: starts.map((start, i) => ({ name: start.name, value: trimmed(input, start.valueFrom, starts[i + 1]?.at ?? to) })),
  };
}

/** The options a call gives, each once, flags without a value and the others with one. */
function optionSpans(options: readonly { name: string; value: Span }[]): Map<Option, Span> {
  const spans = new Map<Option, Span>();
  for (const { name, value } of options) {
    if (!isOption(name)) throw problem(`has no option ":${name}"`, `use ${OPTION_LIST}`);
    if (spans.has(name)) throw problem(`option ":${name}" is given twice`, "give it once");
    const empty = value.from === value.to;
    if (FLAGS.has(name) && !empty) throw problem(`option ":${name}" takes no value`, `write :${name} on its own`);
    if (!FLAGS.has(name) && empty) throw problem(`option ":${name}" needs a value`, `write :${name} <value>`);
    spans.set(name, value);
  }
  return spans;
}

function method(text: string | undefined): "GET" | "POST" {
  const name = (text ?? "get").toLowerCase();
  if (name === "get") return "GET";
  if (name === "post") return "POST";
  throw problem(`:method ${JSON.stringify(name)} is not GET or POST, the only calls Braze makes`, "use :method get or :method post");
}

function credential(basicAuth: string | undefined, authCredentials: string | undefined): string | undefined {
  if (basicAuth !== undefined && authCredentials !== undefined) {
    throw problem("names two credentials (:basic_auth and :auth_credentials)", "keep the one the endpoint needs");
  }
  return basicAuth ?? authCredentials;
}

function saveName(text: string | undefined): string | undefined {
  if (text !== undefined && !VARIABLE_NAME.test(text)) throw problem(`:save ${JSON.stringify(text)} is not a Liquid variable name`, "use ASCII letters, digits and _");
  return text;
}

function cacheMaxAge(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw problem(`:cache_max_age ${JSON.stringify(text)} is not a number of seconds`, "write :cache_max_age 900");
  return Number(text);
}

function isStringRecord(value: unknown): value is Readonly<Record<string, string>> {
  return isJsonObject(value) && Object.values(value).every((item) => typeof item === "string");
}

function parseHeaders(text: string): Readonly<Record<string, string>> {
  let headers: unknown;
  try {
    headers = JSON.parse(text);
  } catch {
    headers = undefined;
  }
  if (!isStringRecord(headers)) {
    throw problem(`:headers ${JSON.stringify(text)} is not a JSON object of strings`, 'write :headers {"Name": "value"}');
  }
  return headers;
}

/** Renders an argument Braze takes as Liquid; Braze trims it like the rest of the tag. */
function* renderArgument(liquid: Liquid, templates: Template[], ctx: Context): Generator<unknown, string, unknown> {
  return String(yield liquid.renderer.renderTemplates(templates, ctx)).trim();
}

/** Sets a variable the way assign does, without letting a name like __proto__ reach the scope's prototype. */
function setVariable(ctx: Context, name: string, value: unknown): void {
  Object.defineProperty(ctx.bottom(), name, { value, writable: true, enumerable: true, configurable: true });
}

export class ConnectedContentTag extends Tag {
  private readonly url: Template[];
  private readonly body: Template[] | undefined;
  private readonly contentType: Template[] | undefined;
  private readonly headers: Template[] | undefined;
  private readonly method: "GET" | "POST";
  private readonly credential: string | undefined;
  private readonly save: string | undefined;
  private readonly retry: boolean;
  private readonly cacheMaxAge: number | undefined;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    const { input } = token;
    const argumentsEnd = token.contentRange[1];
    const { url, options } = splitArguments(input, argumentsEnd - token.args.length, argumentsEnd);
    const spans = optionSpans(options);
    const literal = (option: Option) => {
      const span = spans.get(option);
      return span && input.slice(span.from, span.to);
    };
    // Braze renders the URL, body and headers as Liquid: they are parsed in place, so an error in them points into the field.
    const template = (span: Span) =>
      parser.parseTokens(new Tokenizer(input, liquid.options.operators, token.file, [span.from, span.to]).readTopLevelTokens(liquid.options));
    const templated = (option: Option) => {
      const span = spans.get(option);
      return span && template(span);
    };

    if (url.from === url.to) throw problem("needs a URL", "write {% connected_content https://… %}");
    this.url = template(url);
    this.body = templated("body");
    this.contentType = templated("content_type");
    this.headers = templated("headers");
    this.method = method(literal("method"));
    this.credential = credential(literal("basic_auth"), literal("auth_credentials"));
    this.save = saveName(literal("save"));
    this.retry = spans.has("retry");
    this.cacheMaxAge = cacheMaxAge(literal("cache_max_age"));
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = renderStateOf(ctx);
    const save = this.save ?? DEFAULT_SAVE;
    const url = yield* renderArgument(this.liquid, this.url, ctx);
    const body = this.body && (yield* renderArgument(this.liquid, this.body, ctx));
    const contentType = this.contentType && (yield* renderArgument(this.liquid, this.contentType, ctx));
    const headers = this.headers && parseHeaders(yield* renderArgument(this.liquid, this.headers, ctx));
    const call: ConnectedCall = {
      field: state.field,
      url,
      method: this.method,
      save,
      retry: this.retry,
      ...(body !== undefined && { body }),
      ...(contentType !== undefined && { contentType }),
      ...(this.credential !== undefined && { credential: this.credential }),
      ...(headers !== undefined && { headers }),
      ...(this.cacheMaxAge !== undefined && { cacheMaxAge: this.cacheMaxAge }),
    };
    state.calls.push(call);

    const response = state.connectedResponse(save);
    if (response === undefined) {
      throw problem(`call to ${JSON.stringify(url)} (:save ${save}) has no response fixture`, `provide the response with --connected ${save}=response.json`);
    }
    const { value } = response;
    // Braze inserts a non-JSON response as text unless it is saved; a JSON response always lands in the variable.
    if (typeof value === "string" && this.save === undefined) emitter.write(value);
    else setVariable(ctx, save, isJsonObject(value) ? { ...value, __http_status_code__: 200 } : value);
  }
}

/** The :save name of every connected_content call in a template's text ("connected" when it names none): what a render must be given answers for. */
export function connectedSaveNames(template: string): string[] {
  return [...template.matchAll(/connected_content[^%]*/g)].map((tag) => /:save\s+(\w+)/.exec(tag[0])?.[1] ?? "connected");
}
