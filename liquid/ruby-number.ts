/**
 * Numbers as Ruby Liquid's math filters see them. Liquid's `Utils.to_number`
 * reads a String matching /\A-?\d+\.\d+\z/ as a BigDecimal and any other
 * String as String#to_i does ("15abc" → 15, "Infinity" → 0); nil, booleans,
 * arrays and hashes are 0. Integer math stays Integer (divided_by floors) and a
 * Float goes through BigDecimal, so 0.1 plus 0.2 is exactly 0.3. Results come
 * back as JS numbers, except a Float whose value is integral (15.0): a JS
 * number would forget it is a Float, so it is a RubyFloat, which prints as the
 * dialect's floatPrinting says.
 */
import { Drop } from "liquidjs";
import { TemplateProblem } from "./errors";

/** A Ruby Float with an integral value (15.0, 1.0e+20): what JavaScript cannot tell from the Integer 15. Reads as its number everywhere but in print. */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }

  override valueOf(): number {
    return this.value;
  }

  toJSON(): number {
    return this.value;
  }
}

/** `units / 10^scale` exactly; `integer` tells Ruby's Integer from a BigDecimal. */
export interface RubyNumber {
  readonly units: bigint;
  readonly scale: number;
  readonly integer: boolean;
}

const ZERO: RubyNumber = { units: 0n, scale: 0, integer: true };
const DECIMAL_STRING = /^-?\d+\.\d+$/;
/** String#to_i: leading whitespace, a sign, digits with single underscores between them. */
const TO_I_PREFIX = /^\s*([-+]?\d+(?:_\d+)*)/;
const JS_NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/i;

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

function decimal(text: string): RubyNumber {
  const match = JS_NUMBER_TEXT.exec(text);
  if (match === null) return ZERO;
  const [, sign = "", whole = "0", fraction = "", exponentText = "0"] = match;
  const scale = fraction.length - Number(exponentText);
  const units = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { units, scale, integer: false } : { units: units * pow10(-scale), scale: 0, integer: false };
}

/** A Float result (a quotient) as the BigDecimal Ruby would carry on with. */
function fromFloat(value: number): RubyNumber {
  return Number.isFinite(value) ? decimal(String(value)) : ZERO;
}

/** Liquid's `Utils.to_number`. A JS number is an Integer when integral: JSON keeps no "10.0" (a template's 10.0 is a RubyFloat). */
export function toRubyNumber(value: unknown): RubyNumber {
  if (value instanceof RubyFloat) return fromFloat(value.value);
  if (typeof value === "number") {
    // JSON has no NaN or Infinity; a caller's non-finite number is read like the string "Infinity".
    if (!Number.isFinite(value)) return ZERO;
    return Number.isInteger(value) ? { units: BigInt(value), scale: 0, integer: true } : fromFloat(value);
  }
  if (typeof value !== "string") return ZERO;
  if (DECIMAL_STRING.test(value.trim())) return decimal(value.trim());
  const digits = TO_I_PREFIX.exec(value)?.[1];
  return digits === undefined ? ZERO : { units: BigInt(digits.replace(/_/g, "")), scale: 0, integer: true };
}

export function toJsNumber(number: RubyNumber): number {
  return number.scale === 0 ? Number(number.units) : Number(`${number.units}e-${number.scale}`);
}

/** A math filter's result as Liquid carries it on: Ruby Liquid turns a BigDecimal result into a Float, which stays one even when integral. */
export function toLiquidNumber(number: RubyNumber): number | RubyFloat {
  const value = toJsNumber(number);
  return number.integer || !Number.isInteger(value) ? value : new RubyFloat(value);
}

function aligned(a: RubyNumber, b: RubyNumber): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/** Ruby's `/` on Integers and `%` everywhere round towards negative infinity; BigInt division truncates. */
function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return (a % b !== 0n) && (a < 0n) !== (b < 0n) ? quotient - 1n : quotient;
}

function divisor(number: RubyNumber): RubyNumber {
  if (number.units === 0n) throw new TemplateProblem("divided by 0", "Braze's Ruby Liquid fails here too: guard the divisor with an if");
  return number;
}

export function add(a: RubyNumber, b: RubyNumber): RubyNumber {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale, integer: a.integer && b.integer };
}

export function subtract(a: RubyNumber, b: RubyNumber): RubyNumber {
  return add(a, { ...b, units: -b.units });
}

export function multiply(a: RubyNumber, b: RubyNumber): RubyNumber {
  return { units: a.units * b.units, scale: a.scale + b.scale, integer: a.integer && b.integer };
}

export function divide(a: RubyNumber, b: RubyNumber): RubyNumber {
  divisor(b);
  if (a.integer && b.integer) return { units: floorDivide(a.units, b.units), scale: 0, integer: true };
  return fromFloat(toJsNumber(a) / toJsNumber(b));
}

export function modulo(a: RubyNumber, b: RubyNumber): RubyNumber {
  divisor(b);
  const [x, y, scale] = aligned(a, b);
  return { units: x - y * floorDivide(x, y), scale, integer: a.integer && b.integer };
}

export function compare(a: RubyNumber, b: RubyNumber): number {
  const [x, y] = aligned(a, b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function abs(number: RubyNumber): RubyNumber {
  return number.units < 0n ? { ...number, units: -number.units } : number;
}

export function floor(number: RubyNumber): RubyNumber {
  return { units: floorDivide(number.units, pow10(number.scale)), scale: 0, integer: true };
}

export function ceil(number: RubyNumber): RubyNumber {
  return { units: -floorDivide(-number.units, pow10(number.scale)), scale: 0, integer: true };
}

/** Liquid's `round`: half away from zero (BigDecimal's ROUND_HALF_UP); an Integer with 0 or more digits stays as it is; 0 digits gives an Integer. */
export function round(number: RubyNumber, digits: number): RubyNumber {
  if ((number.integer && digits >= 0) || digits >= number.scale) return digits === 0 ? { ...number, integer: true } : number;
  const step = pow10(number.scale - digits);
  const magnitude = number.units < 0n ? -number.units : number.units;
  const rounded = (magnitude / step + (2n * (magnitude % step) >= step ? 1n : 0n)) * (number.units < 0n ? -1n : 1n);
  return digits >= 0
    ? { units: rounded, scale: digits, integer: digits === 0 }
    : { units: rounded * pow10(-digits), scale: 0, integer: number.integer };
}
