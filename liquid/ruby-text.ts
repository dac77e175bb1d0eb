/**
 * Values turned into text as Ruby Liquid does, under a dialect's readings:
 * `printed` is what `{{ value }}` writes, `rubyText` what a filter reads as
 * its text (Ruby's to_s: `| append: ''`, `| json_escape`). They differ only
 * for arrays: Liquid's output joins an array, to_s inspects it.
 */
import { Drop, toValue } from "liquidjs";
import type { Dialect } from "./dialect";
import { isJsonObject } from "./json-values";
import { RubyFloat } from "./ruby-number";

/** Ruby's Float#to_s: the shortest digits, fixed between 1e-4 and 1e16 (with ".0" when integral), else d.ddde±XX. */
function rubyFloat(value: number): string {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  const [digits = "0", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const mantissa = digits.replace(".", "");
  const exponent = Number(exponentText);
  const point = exponent + 1;
  if (point < -3 || point > 16) {
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${mantissa[0]}.${mantissa.slice(1) || "0"}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${mantissa}`;
  if (point >= mantissa.length) return `${sign}${mantissa}${"0".repeat(point - mantissa.length)}.0`;
  return `${sign}${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
}

/** A number's text: a RubyFloat or a non-integral number is a Float, any other number an Integer. */
function numberText(value: number, float: boolean, dialect: Dialect): string {
  if (dialect.floatPrinting === "javascript" || !Number.isFinite(value)) return String(value);
  return float ? rubyFloat(value) : BigInt(value).toString();
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v", "\b": "\\b", "\u0007": "\\a", "\u001b": "\\e" };
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u;

/** Ruby's String#inspect of a UTF-8 string. */
function inspectString(text: string): string {
  let quoted = '"';
  const characters = [...text];
  characters.forEach((character, index) => {
    const named = NAMED_ESCAPES[character];
    const code = character.codePointAt(0) ?? 0;
    if (named !== undefined) quoted += named;
    else if (character === "#" && /^[{$@]$/.test(characters[index + 1] ?? "")) quoted += "\\#";
    else if (!NOT_PRINTABLE.test(character)) quoted += character;
    else quoted += code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
  return `${quoted}"`;
}

function hashText(hash: Readonly<Record<string, unknown>>, dialect: Dialect): string {
  if (dialect.hashText === "json") return JSON.stringify(hash);
  // Liquid's own Hash#inspect, the same on every Ruby (3.4's own writes `"a" => 1`).
  return `{${Object.entries(hash)
    .map(([key, value]) => `${inspectString(key)}=>${inspect(value, dialect)}`)
    .join(", ")}}`;
}

/** Ruby's inspect, as Liquid's Utils.inspect writes arrays and hashes. */
function inspect(value: unknown, dialect: Dialect): string {
  if (value instanceof RubyFloat) return numberText(value.value, true, dialect);
  const resolved: unknown = toValue(value);
  if (resolved === null || resolved === undefined) return "nil";
  if (typeof resolved === "string") return inspectString(resolved);
  if (Array.isArray(resolved)) return `[${resolved.map((item) => inspect(item, dialect)).join(", ")}]`;
  if (isJsonObject(resolved) && !(resolved instanceof Drop)) return hashText(resolved, dialect);
  return rubyText(resolved, dialect);
}

/** Ruby's Array#join: nested arrays flattened, each item's to_s run together. */
function joined(items: readonly unknown[], dialect: Dialect): string {
  return items
    .flat(Infinity)
    .map((item) => rubyText(item, dialect))
    .join("");
}

/** What a filter reads as text: Ruby's to_s (nil → "", an array as the dialect's arrayText says, a hash as its hashText). */
export function rubyText(value: unknown, dialect: Dialect): string {
  if (value instanceof RubyFloat) return numberText(value.value, true, dialect);
  const resolved: unknown = toValue(value);
  if (resolved === null || resolved === undefined) return "";
  if (typeof resolved === "string") return resolved;
  if (typeof resolved === "number") return numberText(resolved, !Number.isInteger(resolved), dialect);
  if (Array.isArray(resolved)) return dialect.arrayText === "joined" ? joined(resolved, dialect) : inspect(resolved, dialect);
  if (isJsonObject(resolved) && !(resolved instanceof Drop)) return hashText(resolved, dialect);
  return String(resolved);
}

/** What `{{ value }}` writes: an array as the dialect's arrayOutput says, anything else as its to_s. */
export function printed(value: unknown, dialect: Dialect): string {
  const resolved: unknown = value instanceof RubyFloat ? value : toValue(value);
  if (Array.isArray(resolved)) return dialect.arrayOutput === "joined" ? joined(resolved, dialect) : inspect(resolved, dialect);
  return rubyText(resolved, dialect);
}
