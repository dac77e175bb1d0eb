/**
 * How the undocumented parts of Braze's Liquid behave: each axis is a question
 * Braze's docs leave open, with the readings the layer can render. Which
 * reading Braze has is settled by `bdt probe --liquid` and recorded in
 * OBSERVED_DIALECT_FILE (see observed-dialect.ts).
 */
/** Where the readings Braze was found to have are recorded, relative to the project: no build reads it. */
export const OBSERVED_DIALECT_FILE = "contract/observed/liquid-dialect.json";

export const DIALECT_AXES = {
  /**
   * What json_escape escapes. "documented": only `"` and `\` (Braze's docs).
   * "full": Ruby's to_json without the quotes (also \n \r \t \b \f, other U+0000–U+001F as \u00xx).
   * "rails": ActiveSupport's to_json, "full" plus `<` `>` `&` U+2028 U+2029 as \u003c \u003e \u0026 \u2028 \u2029.
   */
  jsonEscape: ["documented", "full", "rails"],
  /** "plus": url_param_escape is Ruby's CGI.escape (space → "+", A-Za-z0-9 _ . - ~ kept, the rest %XX of UTF-8). "percent": ERB::Util.url_encode (space → %20). */
  urlParamEscape: ["plus", "percent"],
  /** "strict": base64_encode is Base64.strict_encode64. "wrapped": Base64.encode64 (a "\n" after every 60 output characters and at the end). */
  base64: ["strict", "wrapped"],
  /**
   * How a number prints. "javascript": as JavaScript writes it (15, 100000000000000000000, 0.00001).
   * "ruby": an Integer as its digits, a Float as Ruby's Float#to_s (15.0, 1.0e+20, 1.0e-05) — a Float being a decimal literal or what a math filter makes of one.
   */
  floatPrinting: ["javascript", "ruby"],
  /** How `{{ array }}` prints. "joined": the items' text run together (Ruby Liquid's output, liquidjs). "inspect": Ruby's inspect, `["a", "b"]` (brazejs). */
  arrayOutput: ["joined", "inspect"],
  /** An array as a filter's text (`| append: ''`, `| json_escape`): "joined" (liquidjs) or "inspect" (Ruby Liquid's to_s, `["a", "b"]`). */
  arrayText: ["joined", "inspect"],
  /** How a hash (a nested custom attribute, a Connected Content answer) prints and reads as text: "ruby" `{"a"=>"x", "b"=>1}` (Ruby Liquid) or "json" `{"a":"x","b":1}`. */
  hashText: ["ruby", "json"],
  /** A filter Braze does not have: "error" (the message is not sent; Ruby Liquid's strict_filters) or "passthrough" (its input unchanged, Ruby Liquid's default). */
  unknownFilter: ["error", "passthrough"],
} as const satisfies Record<string, readonly [string, string, ...string[]]>;

export type DialectAxis = keyof typeof DIALECT_AXES;

export type Dialect = { readonly [Axis in DialectAxis]: (typeof DIALECT_AXES)[Axis][number] };

export const AXES = Object.keys(DIALECT_AXES) as DialectAxis[];

/** Whether `reading` is one of `axis`'s readings. */
export function isReading<Axis extends DialectAxis>(axis: Axis, reading: unknown): reading is Dialect[Axis] {
  return (DIALECT_AXES[axis] as readonly unknown[]).includes(reading);
}

/** Every combination of the readings, for checks that must hold under every one and are cheap enough to run them all. */
export const ALL_DIALECTS: readonly Dialect[] = AXES.reduce<Dialect[]>(
  (dialects, axis) => dialects.flatMap((dialect) => DIALECT_AXES[axis].map((reading) => ({ ...dialect, [axis]: reading }))),
  [{} as Dialect],
);

/** `dialect` with `axis` read as `reading`. */
export function withReading<Axis extends DialectAxis>(dialect: Dialect, axis: Axis, reading: Dialect[Axis]): Dialect {
  return { ...dialect, [axis]: reading };
}

/** One line naming every axis's reading: `jsonEscape=full urlParamEscape=plus …`. */
export function describeDialect(dialect: Dialect): string {
  return AXES.map((axis) => `${axis}=${dialect[axis]}`).join(" ");
}
