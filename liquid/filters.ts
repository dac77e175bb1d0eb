/**
 * Braze's filters: the table below is the only list of filters a template may
 * use. The engine is created with `strictFilters`, so any other name
 * (liquidjs's json, lstrip, sum, …) fails to parse instead of working locally
 * and failing in Braze.
 */
import { createHash, createHmac } from "node:crypto";
import { filters as liquidjsFilters, toValue, type FilterImplOptions } from "liquidjs";
import { TemplateProblem } from "./errors";
import { isJsonObject } from "./json-values";
import { renderStateOf } from "./render-state";
import * as ruby from "./ruby-number";
import type { Dialect } from "./dialect";

/** Marks a filter Braze lists that this renderer does not implement: it fails with its own message. */
export const NOT_IMPLEMENTED_LOCALLY = Symbol("a Braze filter not implemented locally");

/** What liquidjs hands a filter as `this` (its FilterImpl, which the package does not export by name). */
type FilterThis = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;

function liquidjs(name: string): FilterImplOptions {
  const filter = liquidjsFilters[name];
  if (filter === undefined) throw new Error(`liquidjs has no "${name}" filter`);
  return filter;
}

function dialect(filter: FilterThis): Dialect {
  return renderStateOf(filter.context).dialect;
}

/** A value as text, the way liquidjs's own string filters read it (nil → "", arrays concatenated). */
function text(value: unknown): string {
  const resolved: unknown = toValue(value);
  if (resolved === null || resolved === undefined) return "";
  if (Array.isArray(resolved)) return resolved.map(text).join("");
  return typeof resolved === "object" ? Object.prototype.toString.call(resolved) : String(resolved);
}

// --- Ruby semantics where liquidjs follows JavaScript ---

type Binary = (a: ruby.RubyNumber, b: ruby.RubyNumber) => ruby.RubyNumber;
type Unary = (a: ruby.RubyNumber) => ruby.RubyNumber;

const binaryMath = (operation: Binary) => (input: unknown, operand: unknown) =>
  ruby.toJsNumber(operation(ruby.toRubyNumber(input), ruby.toRubyNumber(operand)));

const unaryMath = (operation: Unary) => (input: unknown) => ruby.toJsNumber(operation(ruby.toRubyNumber(input)));

const atLeast: Binary = (a, b) => (ruby.compare(b, a) > 0 ? b : a);
const atMost: Binary = (a, b) => (ruby.compare(b, a) < 0 ? b : a);

function round(input: unknown, digits: unknown = 0): number {
  return ruby.toJsNumber(ruby.round(ruby.toRubyNumber(input), Math.trunc(ruby.toJsNumber(ruby.toRubyNumber(digits)))));
}

const RUBY_BLANK = "[ \\t\\n\\v\\f\\r]";
const BLANKS = new RegExp(`${RUBY_BLANK}+`);
const LEADING_BLANKS = new RegExp(`^${RUBY_BLANK}+`);

/** Ruby's String#split: '' splits into code points, ' ' on runs of blanks after leading ones, and trailing empty strings are dropped. */
function split(input: unknown, pattern: unknown): string[] {
  const subject = text(input);
  const separator = text(pattern);
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

const liquidjsDate = liquidjs("date");

/** 'now' is the send time of the render context; a blank format returns the input, as Ruby Liquid does. */
function date(this: FilterThis, input: unknown, format?: unknown): unknown {
  if (text(format) === "") return input;
  const value = input === "now" || input === "today" ? renderStateOf(this.context).now : input;
  const handler = typeof liquidjsDate === "function" ? liquidjsDate : liquidjsDate.handler;
  return handler.call(this, value, format);
}

// --- Braze's advanced filters ---

const utf8 = new TextEncoder();

/** Percent-encodes UTF-8 bytes (uppercase hex) of every character `keep` does not match. */
function percentEncode(subject: string, keep: RegExp, space?: string): string {
  let encoded = "";
  for (const character of subject) {
    if (keep.test(character)) encoded += character;
    else if (character === " " && space !== undefined) encoded += space;
    else for (const byte of utf8.encode(character)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** URI's unreserved and reserved characters: what Ruby's URI escaping keeps. */
const URI_CHARACTER = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]$/;
/** What CGI.escape and ERB::Util.url_encode keep. */
const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;

const cgiEscape = (input: unknown) => percentEncode(text(input), UNRESERVED, "+");

function url_param_escape(this: FilterThis, input: unknown): string {
  return dialect(this).urlParamEscape === "plus" ? cgiEscape(input) : percentEncode(text(input), UNRESERVED);
}

function json_escape(this: FilterThis, input: unknown): string {
  const subject = text(input);
  return dialect(this).jsonEscape === "full" ? JSON.stringify(subject).slice(1, -1) : subject.replace(/["\\]/g, "\\$&");
}

function base64_encode(this: FilterThis, input: unknown): string {
  const encoded = Buffer.from(text(input), "utf8").toString("base64");
  return dialect(this).base64 === "wrapped" ? encoded.replace(/.{1,60}/g, "$&\n") : encoded;
}

const digest = (algorithm: string) => (input: unknown) => createHash(algorithm).update(text(input), "utf8").digest("hex");

const hmac =
  (name: string, algorithm: string, encoding: "hex" | "base64") =>
  (input: unknown, key?: unknown): string => {
    if (key === undefined || key === null) throw new TemplateProblem(`${name} needs a key`, `give one: {{ text | ${name}: 'key' }}`);
    return createHmac(algorithm, text(key)).update(text(input), "utf8").digest(encoding);
  };

function property_accessor(input: unknown, key: unknown): unknown {
  const hash: unknown = toValue(input);
  const name = text(key);
  return isJsonObject(hash) && Object.hasOwn(hash, name) ? hash[name] : undefined;
}

const PLAIN_NUMBER = /^(-?)(\d+)(\.\d+)?$/;

/** Commas between thousands of the integer part; anything that is not a plain number comes back as it was. */
function number_with_delimiter(input: unknown): string {
  const subject = text(input).trim();
  const match = PLAIN_NUMBER.exec(subject);
  if (match === null) return text(input);
  const [, sign = "", whole = "", fraction = ""] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction}`;
}

/**
 * Braze's filter table: the standard Liquid filters Braze lists as supported,
 * then Braze's own ("advanced") filters. Sources: Braze's filters and advanced
 * filters pages (see the reference notes).
 */
export const BRAZE_FILTERS: Readonly<Record<string, FilterImplOptions | typeof NOT_IMPLEMENTED_LOCALLY>> = {
  // Array filters
  join: liquidjs("join"),
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

  // String filters
  append: liquidjs("append"),
  capitalize: liquidjs("capitalize"),
  downcase: liquidjs("downcase"),
  escape: liquidjs("escape"),
  prepend: liquidjs("prepend"),
  remove: liquidjs("remove"),
  remove_first: liquidjs("remove_first"),
  replace: liquidjs("replace"),
  replace_first: liquidjs("replace_first"),
  split,
  strip: liquidjs("strip"),
  strip_html: liquidjs("strip_html"),
  strip_newlines: liquidjs("strip_newlines"),
  truncate: liquidjs("truncate"),
  truncatewords: liquidjs("truncatewords"),
  upcase: liquidjs("upcase"),
  newline_to_br: liquidjs("newline_to_br"),

  // Other standard filters
  date,
  default: liquidjs("default"),
  money: NOT_IMPLEMENTED_LOCALLY, // Braze's own semantics, not documented closely enough to copy
  time_zone: NOT_IMPLEMENTED_LOCALLY,

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
  url_escape: (input: unknown) => percentEncode(text(input), URI_CHARACTER),
  url_param_escape,
  url_encode: cgiEscape,

  // Braze's advanced filters: hashes, numbers, JSON
  property_accessor,
  number_with_delimiter,
  json_escape,
};
