/**
 * The questions `bdt probe --liquid` asks Braze: each a piece of Liquid whose
 * output Braze's docs leave open. A probe with an `axis` tells which reading
 * of that dialect axis Braze has (liquid/dialect.ts); one without checks an
 * answer the layer has only one reading for (Ruby Liquid's, or Braze's docs).
 * What each reading renders is never written here: the comparison renders
 * the probe with the layer under each reading.
 */
import type { DialectAxis } from "../../liquid";

/** A probe's input: text, or a hash (which only a nested custom attribute can hold: Braze's Liquid cannot build one). */
export type ProbeInput = string | Readonly<Record<string, string | number>>;

export interface LiquidProbe {
  readonly name: string;
  readonly axis?: DialectAxis;
  /** The Liquid whose output is the answer; it reads the input, if any, from the variable `input`. */
  readonly liquid: (input: string) => string;
  readonly input?: ProbeInput;
  /** What in it can stop Braze from sending the webhook at all, as Braze's error would name it: `bdt probe --liquid --refused` leaves it out. */
  readonly canRefuse?: string;
}

const escapesJson = (name: string, input: string): LiquidProbe => ({ name: `json_escape.${name}`, axis: "jsonEscape", input, liquid: (v) => `{{ ${v} | json_escape }}` });
const escapesUrl = (name: string, input: string): LiquidProbe => ({
  name: `url_param_escape.${name}`,
  axis: "urlParamEscape",
  input,
  liquid: (v) => `{{ ${v} | url_param_escape }}`,
});
const prints = (name: string, axis: DialectAxis | undefined, liquid: string): LiquidProbe => ({ name, ...(axis && { axis }), liquid: () => liquid });

const LONG_TEXT = "Ünïcödé, ASCII and 0123456789: the quick brown fox jumps over the lazy dog. ".repeat(2);
const SPLIT_LIST = "{% assign list = 'a,b,c' | split: ',' %}";

export const LIQUID_PROBES: readonly LiquidProbe[] = [
  escapesJson("quote", 'say "hi"'),
  escapesJson("backslash", "C:\\temp"),
  escapesJson("slash", "a/b"),
  escapesJson("newline", "line 1\nline 2"),
  escapesJson("carriage_return", "a\rb"),
  escapesJson("tab", "a\tb"),
  escapesJson("u0001", "a\u0001b"),
  escapesJson("u001f", "a\u001fb"),
  escapesJson("u007f", "a\u007fb"),
  escapesJson("u2028", "a\u2028b"),
  escapesJson("html", "<b>&amp;</b>"),
  escapesJson("non_ascii", "é ü 👍"),

  escapesUrl("space", "a b"),
  escapesUrl("reserved", "a+b&c=d/e?f#g%h"),
  escapesUrl("marks", "*'()!~-_."),
  escapesUrl("non_ascii", "é👍"),

  { name: "base64_encode.long", axis: "base64", input: LONG_TEXT, liquid: (v) => `{{ ${v} | base64_encode }}` },
  { name: "base64_encode.short", axis: "base64", input: "blah", liquid: (v) => `{{ ${v} | base64_encode }}` },

  prints("float.literal_integral", "floatPrinting", "{{ 15.0 }}"),
  prints("float.literal_fraction", "floatPrinting", "{{ 1.5 }}"),
  prints("float.literal_negative", "floatPrinting", "{{ -3.00 }}"),
  prints("float.literal_large", "floatPrinting", "{{ 100000000000000000000.0 }}"),
  prints("float.literal_small", "floatPrinting", "{{ 0.00001 }}"),
  prints("float.plus_float", "floatPrinting", "{{ 15 | plus: 0.0 }}"),
  prints("float.times_float", "floatPrinting", "{{ 2 | times: 7.5 }}"),
  prints("float.decimal_text", "floatPrinting", "{{ '15.0' | plus: 0 }}"),
  prints("float.round", "floatPrinting", "{{ 15.04 | round: 1 }}"),
  prints("float.as_text", "floatPrinting", "{{ 15.0 | append: '' }}"),

  prints("array.output", "arrayOutput", `${SPLIT_LIST}{{ list }}`),
  prints("array.as_text", "arrayText", `${SPLIT_LIST}{{ list | append: '' }}`),

  { name: "hash.output", axis: "hashText", input: { a: "x", b: 1 }, liquid: (v) => `{{ ${v} }}` },
  { name: "hash.as_text", axis: "hashText", input: { a: "x", b: 1 }, liquid: (v) => `{{ ${v} | append: '' }}` },

  { ...prints("unknown_filter", "unknownFilter", "{{ 'kept' | bdt_probe_unknown_filter }}"), canRefuse: "the filter bdt_probe_unknown_filter" },

  // One reading each: Ruby Liquid 5's (BigDecimal math, Integer division floors, String#to_i, code points) or Braze's docs (a missing attribute is blank).
  prints("math.decimal_sum", undefined, "{{ 0.1 | plus: 0.2 }}"),
  prints("math.integer_division", undefined, "{{ 7 | divided_by: 2 }}"),
  prints("math.negative_division", undefined, "{{ -7 | divided_by: 2 }}"),
  prints("math.float_division", undefined, "{{ 7 | divided_by: 2.0 }}"),
  prints("math.modulo", undefined, "{{ -7 | modulo: 3 }}"),
  prints("math.text_to_number", undefined, "{{ '15abc' | plus: 0 }}"),
  prints("math.exponent_text", undefined, "{{ '1e20' | plus: 0 }}"),
  prints("math.nil", undefined, "{{ nil | plus: 1 }}"),
  prints("missing_attribute.output", undefined, "[{{custom_attribute.${bdt_probe_missing}}}]"),
  prints("missing_attribute.as_text", undefined, "[{{custom_attribute.${bdt_probe_missing} | append: 'x'}}]"),
  prints("text.size", undefined, "{{ '👍🏽é' | size }}"),
  prints("text.split_characters", undefined, "{{ '👍🏽é' | split: '' | join: '|' }}"),
  prints("text.truncate", undefined, "{{ 'abcdefghij' | truncate: 5 }}"),
  prints("booleans", undefined, "{{ true }}|{{ false }}"),
];
