/**
 * Braze's filters: the table below is the only list of filters a template may
 * use. Any other name (liquidjs's json, lstrip, sum, …) is what the dialect's
 * unknownFilter says: a template that fails to parse ("error", the engine's
 * `strictFilters`), or its input unchanged ("passthrough"), never liquidjs's own
 * filter working locally where Braze has none.
 */
import { createHash, createHmac } from "node:crypto";
import { filters as liquidjsFilters, toValue, type FilterImplOptions } from "liquidjs";
import { TemplateProblem } from "./errors";
import { isJsonObject } from "./json-values";
import { renderStateOf } from "./render-state";
import * as ruby from "./ruby-number";
import { rubyText } from "./ruby-text";
import type { Dialect } from "./dialect";

/** What liquidjs hands a filter as `this` (its FilterImpl, which the package does not export by name). */
type FilterThis = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;

type Handler = (this: FilterThis, ...args: unknown[]) => unknown;

function liquidjs(name: string): Handler {
  const filter = liquidjsFilters[name];
  if (filter === undefined) throw new Error(`liquidjs has no "${name}" filter`);
  return (typeof filter === "function" ? filter : filter.handler) as Handler;
}

function dialect(filter: FilterThis): Dialect {
  return renderStateOf(filter.context).dialect;
}

/** A value as the filter's text: Ruby's to_s under the render's dialect. */
function text(filter: FilterThis, value: unknown): string {
  return rubyText(value, dialect(filter));
}

/**
 * A liquidjs string filter given its input, and its text arguments when
 * `textArguments`, as Ruby's to_s makes them: liquidjs would run an array's
 * items together and print a Float 15.0 as 15, whatever Braze does.
 */
function textual(name: string, textArguments: boolean): Handler {
  const filter = liquidjs(name);
  return function (this: FilterThis, input: unknown, ...args: unknown[]) {
    return filter.call(this, text(this, input), ...(textArguments ? args.map((arg) => text(this, arg)) : args));
  };
}

/** A Braze filter this renderer does not implement: it fails, with its own message, where it runs. */
function notImplementedLocally(name: string): Handler {
  return () => {
    throw new TemplateProblem(`filter "${name}" is a Braze filter this local renderer does not implement`, "check its output in Braze's preview");
  };
}

// --- Ruby semantics where liquidjs follows JavaScript ---

type Binary = (a: ruby.RubyNumber, b: ruby.RubyNumber) => ruby.RubyNumber;
type Unary = (a: ruby.RubyNumber) => ruby.RubyNumber;

const binaryMath = (operation: Binary) => (input: unknown, operand: unknown) =>
  ruby.toLiquidNumber(operation(ruby.toRubyNumber(input), ruby.toRubyNumber(operand)));

const unaryMath = (operation: Unary) => (input: unknown) => ruby.toLiquidNumber(operation(ruby.toRubyNumber(input)));

const atLeast: Binary = (a, b) => (ruby.compare(b, a) > 0 ? b : a);
const atMost: Binary = (a, b) => (ruby.compare(b, a) < 0 ? b : a);

function round(input: unknown, digits: unknown = 0): number | ruby.RubyFloat {
  return ruby.toLiquidNumber(ruby.round(ruby.toRubyNumber(input), Math.trunc(ruby.toJsNumber(ruby.toRubyNumber(digits)))));
}

const RUBY_BLANK = "[ \\t\\n\\v\\f\\r]";
const BLANKS = new RegExp(`${RUBY_BLANK}+`);
const LEADING_BLANKS = new RegExp(`^${RUBY_BLANK}+`);

/** Ruby's String#split: '' splits into code points, ' ' on runs of blanks after leading ones, and trailing empty strings are dropped. */
function split(this: FilterThis, input: unknown, pattern: unknown): string[] {
  const subject = text(this, input);
  const separator = text(this, pattern);
  if (separator === "") return [...subject];
  const parts = separator === " " ? subject.replace(LEADING_BLANKS, "").split(BLANKS) : subject.split(separator);
  while (parts.at(-1) === "") parts.pop();
  return parts;
}

/** Ruby's size: characters (code points) of a string, items of an array, keys of a hash. */
function size(input: unknown): number {
  const value: unknown = toValue(input);
  if (typeof value === "string") return [...value].length;
  if (Array.isArray(value)) return value.length;
  return isJsonObject(value) ? Object.keys(value).length : 0;
}

/** Ruby Liquid's first and last read arrays only (a string has no first element, it is nil). */
const arrayEnd = (pick: (array: readonly unknown[]) => unknown) => (input: unknown) => {
  const value: unknown = toValue(input);
  return Array.isArray(value) ? pick(value) : undefined;
};

/** Ruby Liquid's join: items flattened, each as its to_s; anything but an array is one item. */
function join(this: FilterThis, input: unknown, glue: unknown = " "): string {
  const value: unknown = toValue(input);
  if (!Array.isArray(value)) return text(this, value);
  return value
    .flat(Infinity)
    .map((item) => text(this, item))
    .join(text(this, glue));
}

const liquidjsDate = liquidjs("date");

/** 'now' is the send time of the render context; a blank format returns the input, as Ruby Liquid does. */
function date(this: FilterThis, input: unknown, format?: unknown): unknown {
  if (text(this, format) === "") return input;
  const value = input === "now" || input === "today" ? renderStateOf(this.context).now : input;
  return liquidjsDate.call(this, value, format);
}

// --- Braze's advanced filters ---

const utf8 = new TextEncoder();
const PERCENT_BYTES = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`);

/** Percent-encodes UTF-8 bytes (uppercase hex) of every character `keep` does not match. */
function percentEncode(subject: string, keep: RegExp, space?: string): string {
  let encoded = "";
  for (const character of subject) {
    const code = character.charCodeAt(0);
    if (keep.test(character)) encoded += character;
    else if (character === " " && space !== undefined) encoded += space;
    // An ASCII character is its own byte: TextEncoder, a call into Node per character, is for the others.
    else if (code < 0x80) encoded += PERCENT_BYTES[code];
    else for (const byte of utf8.encode(character)) encoded += PERCENT_BYTES[byte];
  }
  return encoded;
}

/** URI's unreserved and reserved characters: what Ruby's URI escaping keeps. */
const URI_CHARACTER = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]$/;
/** What CGI.escape and ERB::Util.url_encode keep. */
const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;

function url_param_escape(this: FilterThis, input: unknown): string {
  return percentEncode(text(this, input), UNRESERVED, dialect(this).urlParamEscape === "plus" ? "+" : undefined);
}

function url_encode(this: FilterThis, input: unknown): string {
  return percentEncode(text(this, input), UNRESERVED, "+");
}

function url_escape(this: FilterThis, input: unknown): string {
  return percentEncode(text(this, input), URI_CHARACTER);
}

/** What ActiveSupport's to_json escapes besides what Ruby's JSON does, so JSON is safe inside HTML. */
const HTML_SAFE_ESCAPES: Readonly<Record<string, string>> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

function json_escape(this: FilterThis, input: unknown): string {
  const subject = text(this, input);
  const reading = dialect(this).jsonEscape;
  if (reading === "documented") return subject.replace(/["\\]/g, "\\$&");
  const escaped = JSON.stringify(subject).slice(1, -1);
  return reading === "full" ? escaped : escaped.replace(/[<>&\u2028\u2029]/g, (character) => HTML_SAFE_ESCAPES[character] ?? character);
}

function base64_encode(this: FilterThis, input: unknown): string {
  const encoded = Buffer.from(text(this, input), "utf8").toString("base64");
  return dialect(this).base64 === "wrapped" ? encoded.replace(/.{1,60}/g, "$&\n") : encoded;
}

const digest = (algorithm: string) =>
  function (this: FilterThis, input: unknown): string {
    return createHash(algorithm).update(text(this, input), "utf8").digest("hex");
  };

const hmac = (name: string, algorithm: string, encoding: "hex" | "base64") =>
  function (this: FilterThis, input: unknown, key?: unknown): string {
    if (key === undefined || key === null) throw new TemplateProblem(`${name} needs a key`, `give one: {{ text | ${name}: 'key' }}`);
    return createHmac(algorithm, text(this, key)).update(text(this, input), "utf8").digest(encoding);
  };

function property_accessor(this: FilterThis, input: unknown, key: unknown): unknown {
  const hash: unknown = toValue(input);
  const name = text(this, key);
  return isJsonObject(hash) && Object.hasOwn(hash, name) ? hash[name] : undefined;
}

const PLAIN_NUMBER = /^(-?)(\d+)(\.\d+)?$/;

/** Commas between thousands of the integer part; anything that is not a plain number comes back as it was. */
function number_with_delimiter(this: FilterThis, input: unknown): string {
  const subject = text(this, input).trim();
  const match = PLAIN_NUMBER.exec(subject);
  if (match === null) return text(this, input);
  const [, sign = "", whole = "", fraction = ""] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction}`;
}

/**
 * Braze's filter table: the standard Liquid filters Braze lists as supported,
 * then Braze's own ("advanced") filters. Sources: Braze's filters and advanced
 * filters pages (see the reference notes).
 */
export const BRAZE_FILTERS: Readonly<Record<string, Handler>> = {
  // Array filters
  join,
  first: arrayEnd((array) => array[0]),
  last: arrayEnd((array) => array.at(-1)),
  compact: liquidjs("compact"),
  concat: liquidjs("concat"),
  map: liquidjs("map"),
  reverse: liquidjs("reverse"),
  size,
  slice: liquidjs("slice"), // arrays and strings
  sort: liquidjs("sort"),
  sort_natural: liquidjs("sort_natural"),
  uniq: liquidjs("uniq"),
  where: liquidjs("where"),

  // Math filters, with Ruby Liquid's to_number and Integer/BigDecimal arithmetic
  abs: unaryMath(ruby.abs),
  at_most: binaryMath(atMost),
  at_least: binaryMath(atLeast),
  ceil: unaryMath(ruby.ceil),
  divided_by: binaryMath(ruby.divide),
  floor: unaryMath(ruby.floor),
  minus: binaryMath(ruby.subtract),
  plus: binaryMath(ruby.add),
  round,
  times: binaryMath(ruby.multiply),
  modulo: binaryMath(ruby.modulo),

  // String filters: Ruby's take every argument as text (to_s), but truncate's lengths
  append: textual("append", true),
  capitalize: textual("capitalize", false),
  downcase: textual("downcase", false),
  escape: textual("escape", false),
  prepend: textual("prepend", true),
  remove: textual("remove", true),
  remove_first: textual("remove_first", true),
  replace: textual("replace", true),
  replace_first: textual("replace_first", true),
  split,
  strip: textual("strip", false),
  strip_html: textual("strip_html", false),
  strip_newlines: textual("strip_newlines", false),
  truncate: textual("truncate", false),
  truncatewords: textual("truncatewords", false),
  upcase: textual("upcase", false),
  newline_to_br: textual("newline_to_br", false),

  // Other standard filters
  date,
  default: liquidjs("default"),
  money: notImplementedLocally("money"), // Braze's own semantics, not documented closely enough to copy
  time_zone: notImplementedLocally("time_zone"),

  // Braze's advanced filters: encoding
  md5: digest("md5"),
  sha1: digest("sha1"),
  sha2: digest("sha256"),
  base64_encode,
  hmac_sha1_hex: hmac("hmac_sha1_hex", "sha1", "hex"),
  hmac_sha1_base64: hmac("hmac_sha1_base64", "sha1", "base64"),
  hmac_sha256: hmac("hmac_sha256", "sha256", "hex"),
  hmac_sha256_hex: hmac("hmac_sha256_hex", "sha256", "hex"),
  hmac_sha256_base64: hmac("hmac_sha256_base64", "sha256", "base64"),
  hmac_sha512: hmac("hmac_sha512", "sha512", "hex"),

  // Braze's advanced filters: URLs
  url_escape,
  url_param_escape,
  url_encode,

  // Braze's advanced filters: hashes, numbers, JSON
  property_accessor,
  number_with_delimiter,
  json_escape,
};
