/**
 * Generators for fuzz.test.ts: hostile-but-realistic Braze values, and the
 * profile and event properties of one send made of them.
 */
import fc from "fast-check";
import { WINDOWS_TIME_ZONES } from "../../contract/partners/windows-time-zones";
import type { ShippedWebhook } from "../support/webhooks";

/** Where a template reads a value: a standard attribute, a custom attribute or an event property. */
export type Source = "standard" | "custom_attribute" | "event_properties";

/** One value a template reads; `key` is its Liquid reference (`${first_name}`, `custom_attribute.${lead_source}`). */
export interface Read {
  readonly source: Source;
  readonly name: string;
  readonly key: string;
}

const REFERENCE = /(?:\b(\w+)\.)?\$\{([^}]*)\}/g;

function read(source: Source, name: string): Read {
  return { source, name, key: source === "standard" ? `\${${name}}` : `${source}.\${${name}}` };
}

/** The values a template reads, scanned from its shipped Liquid: an attribute a template starts reading is fuzzed without editing this file. */
export function readsOf(webhook: ShippedWebhook): Read[] {
  const reads = new Map<string, Read>();
  for (const [, namespace, name = ""] of [webhook.url, webhook.body, ...Object.values(webhook.headers)].join("\n").matchAll(REFERENCE)) {
    if (namespace === "content_blocks") continue; // credentials, not profile data
    const source = namespace ?? "standard";
    if (source !== "standard" && source !== "custom_attribute" && source !== "event_properties") {
      throw new Error(`${webhook.id} reads ${namespace}.\${${name}}: teach arbitraries.ts to generate ${namespace}`);
    }
    const found = read(source, name);
    reads.set(found.key, found);
  }
  return [...reads.values()];
}

// --- Hostile values ---

const CONTROL_CHARACTERS = [...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)), "\u007f"];

/** Every character JavaScript's \s (so Liquid's blank, here) takes as a blank, and two it does not (NEL, zero-width space). */
const BLANKS = [" ", "\t", "\n", "\r", "\r\n", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
const NOT_BLANKS = ["\u0085", "\u200b"];

/** What has broken JSON, URLs and Liquid: quotes, escapes, line breaks, Liquid and percent syntax, astral characters. */
const NASTY = [
  ...CONTROL_CHARACTERS,
  ...BLANKS,
  ...NOT_BLANKS,
  ...['"', "'", "\\", "\\n", "\\u0000", "🇫🇷", "𝒜𝒷", "👩‍💻", "é", "中文"],
  ...["{{ x }}", "{% if %}", "{%- endif -%}", "${first_name}", "%0A", "%1", "%", "+", "/", "@", ".", ":", '"},{"', "]}"],
];

/** Near misses of the formats the templates check, written out. */
const LOOKALIKES = [
  ...["2026-03-02T15:00:00", "2026-03-02T15:00", "2026-03-02T15:00:00Z", "2026-02-30T10:00:00", "10000-01-01T00:00:00", "1773000000", "-300000", "now"],
  ...["Eastern Standard Time", "America/New_York", "UTC", "UTC+14", "3f2b8c1e-9d4a-4f6b-8e2a-7c5d1b0a9e34", "{3f2b8c1e-9d4a-4f6b-8e2a-7c5d1b0a9e34}"],
  ...["ACME", "ACME/EU", "/EU", "ann@example.com", "a@b", "@", "a b@c.de", "<ann@example.com>"],
  ...["15", "-1", "1.5", "1e3", " 15", "15 ", "0x10", "1_000", "99999999999999999999", "true", "false", "null", ""],
];

/** What means something in a URL path, for the account code, which is a segment of one. */
const PATH_LOOKALIKES = ["...", "a b", "a+b", "%2F", "%2E%2E", "?", "#", "a?b#c", "&x=1", ";", "~"];
/** Segments an HTTP client resolves away (url_param_escape keeps dots): no account code. */
const DOT_SEGMENTS = [".", ".."];

const join = (pieces: readonly string[]) => pieces.join("");
const nastyPiece = fc.constantFrom(...NASTY);
const word = fc.stringMatching(/^[a-z0-9]{0,4}$/);
/** Mostly plain, maybe with one nasty piece: what gets past a loose format check. */
const nearlyPlain = fc.tuple(word, fc.option(nastyPiece, { nil: "" }), word).map(join);
const digits = (max: number, width: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, "0"));

const addressLike = fc.tuple(nearlyPlain, nearlyPlain, nearlyPlain).map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

/** Local date-times with fields out of range, another separator, fractions, zones; and numbers, which the date filter reads as timestamps. */
const dateTimeLike = fc.oneof(
  fc
    .tuple(digits(10000, 4), digits(13, 2), digits(32, 2), fc.constantFrom("T", " ", "t"), digits(25, 2), digits(61, 2), fc.constantFrom("", ":00", ":60", ":00.5", ":00Z", ":00+01:00"))
    .map(([year, month, day, t, hour, minute, rest]) => `${year}-${month}-${day}${t}${hour}:${minute}${rest}`),
  fc.integer().map(String),
  fc.integer(),
);

const uuidLike = fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom(...NASTY, "g", "", "--")).map(([id, at, piece]) => id.slice(0, at) + piece + id.slice(at + 1));

const CHANGES = [(z: string) => z.toLowerCase(), (z: string) => ` ${z}`, (z: string) => `${z}\n`, (z: string) => z.slice(0, -1), (z: string) => z.replace(" ", "  ")];
const timeZoneLike = fc.tuple(fc.constantFrom(...WINDOWS_TIME_ZONES), fc.constantFrom(...CHANGES)).map(([zone, change]) => change(zone));

const mixedText = fc
  .array(
    fc.oneof(
      { arbitrary: nastyPiece, weight: 3 },
      { arbitrary: fc.constantFrom(...LOOKALIKES), weight: 1 },
      { arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 6 }), weight: 2 },
      { arbitrary: fc.string({ unit: "binary", maxLength: 4 }), weight: 1 },
    ),
    { maxLength: 8 },
  )
  .map(join);

/** 1,000 to 3,000 characters (code points, so no lone surrogates): a hostile piece repeated. */
const longText = fc.tuple(mixedText, fc.integer({ min: 1000, max: 3000 })).map(([piece, length]) => {
  const points = [...(piece === "" ? "x" : piece)];
  return join(Array.from({ length }, (_, i) => points[i % points.length] ?? ""));
});

/**
 * Any text a Braze attribute could hold. Long values are rare (about one
 * send in eight has one): rendering one with a control character takes tens
 * of milliseconds, as the template escapes the body character by character.
 */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mixedText, weight: 80 },
  { arbitrary: fc.oneof(addressLike, dateTimeLike.map(String), uuidLike, timeZoneLike), weight: 30 },
  { arbitrary: fc.constantFrom(...LOOKALIKES), weight: 15 },
  { arbitrary: fc.array(fc.constantFrom(...BLANKS), { minLength: 1, maxLength: 5 }).map(join), weight: 15 },
  { arbitrary: fc.string({ unit: "binary" }), weight: 10 },
  { arbitrary: longText, weight: 1 },
);

const nonBlankText = hostileText.filter((text) => /\S/.test(text));

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1, 15, 1.5, -0.5, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE),
  // What JavaScript writes with an exponent and no ".", such as 1e+21 and 5e-324: a template may take it for an integer.
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -324, max: 308 })).map(([mantissa, exponent]) => Number(`${mantissa}e${exponent}`)),
);

const hostileScalar = fc.oneof(
  { arbitrary: hostileText, weight: 6 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const hostileObject = fc.dictionary(fc.oneof(fc.constantFrom("value", "0", ""), mixedText), hostileScalar, { maxKeys: 3, noNullPrototype: true });

/** Any JSON value an attribute or property could hold: text, a number, a boolean, null, an array of 0–4 values, an object. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileScalar, weight: 8 },
  { arbitrary: fc.array(fc.oneof({ arbitrary: hostileScalar, weight: 4 }, { arbitrary: hostileObject, weight: 1 }), { maxLength: 4 }), weight: 2 },
  { arbitrary: hostileObject, weight: 1 },
);

// --- One send ---

/** One generated value (undefined: unset) and, when a template prints it as text, the text it prints. */
export interface Field {
  readonly value?: unknown;
  readonly printed?: string;
}

/** What one send reads: the profile (as a profile file's JSON), the event's properties, and the printed text of each value by Read key. */
export interface Send {
  readonly profile: Record<string, unknown>;
  readonly event: Record<string, unknown>;
  readonly printed: Readonly<Record<string, string>>;
}

export const hostileField: fc.Arbitrary<Field> = fc.option(hostileValue, { nil: undefined, freq: 5 }).map((value) => ({ value }));

/** A value printed as it is. */
export const textField = (text: fc.Arbitrary<string>): fc.Arbitrary<Field> => text.map((value) => ({ value, printed: value }));

function sendOf(fields: readonly (readonly [Read, Field])[]): Send {
  const values: Record<Source, Record<string, unknown>> = { standard: {}, custom_attribute: {}, event_properties: {} };
  const printed: Record<string, string> = {};
  for (const [{ source, name, key }, { value, printed: text }] of fields) {
    if (value !== undefined) values[source][name] = value;
    if (text !== undefined) printed[key] = text;
  }
  return { profile: { ...values.standard, custom_attributes: values.custom_attribute }, event: values.event_properties, printed };
}

/** A field for each of `reads`, from `field`. */
function fieldsFor(reads: readonly Read[], field: (read: Read) => fc.Arbitrary<Field>): fc.Arbitrary<[Read, Field][]> {
  return fc.tuple(...reads.map(field)).map((fields) => reads.map((read, i): [Read, Field] => [read, fields[i] ?? {}]));
}

/** Every value the template reads hostile, or unset. */
export function hostileSend(reads: readonly Read[]): fc.Arbitrary<Send> {
  return fieldsFor(reads, () => hostileField).map(sendOf);
}

// --- The valid core: what the templates need to send ---

const DOMAIN_LABEL = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);

/** A plausible address (ASCII, one "@", a dotted domain): inside what any e-mail check, the templates' or a partner's, accepts. */
const emailAddress = fc
  .tuple(
    fc.array(fc.stringMatching(/^[A-Za-z0-9_+-](?:[A-Za-z0-9_'+-]{0,8}[A-Za-z0-9_+-])?$/), { minLength: 1, maxLength: 3 }),
    fc.array(DOMAIN_LABEL, { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[A-Za-z]{2,6}$/),
  )
  .map(([local, labels, tld]) => `${local.join(".")}@${[...labels, tld].join(".")}`);

/** One account code as Rokt writes it, sometimes with a "/" suffix: the templates print the part before it. */
const accountCode = (code: fc.Arbitrary<string>): fc.Arbitrary<Field> =>
  fc
    .tuple(code.filter((text) => !text.includes("/") && !DOT_SEGMENTS.includes(text)), fc.option(hostileText, { nil: undefined, freq: 2 }))
    .map(([printed, suffix]) => ({ value: [suffix === undefined ? printed : `${printed}/${suffix}`], printed }));

/** One to three subscription ids, in either case (Rokt's are .NET Guids). */
const subscriptionIds = fc.array(
  fc.tuple(fc.uuid(), fc.boolean()).map(([id, upper]) => (upper ? id.toUpperCase() : id)),
  { minLength: 1, maxLength: 3 },
);

const moment = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true });

/** Start and end as local date-times (with or without seconds), end not before start; or both unset (the settings' event). */
const startAndEnd = fc.option(
  fc
    .tuple(moment, moment, fc.constantFrom(16, 19))
    .map(([a, b, length]) => [a, b].sort((x, y) => x.getTime() - y.getTime()).map((date) => date.toISOString().slice(0, length))),
  { nil: undefined },
);

const USER_ID = read("standard", "user_id");
const PHONE = read("standard", "phone_number");
const EMAIL = read("standard", "email_address");
const ACCOUNT_CODE = read("custom_attribute", "rokt:account_code");
const SUBSCRIPTION_IDS = read("custom_attribute", "rokt:subscription_id");
const TIMEZONE = read("event_properties", "timezone");
const START = read("event_properties", "start");
const END = read("event_properties", "end");

/** The near misses of each needed value's form, which the template's check of it must tell from the real thing. */
const NEAR_MISSES: ReadonlyMap<string, fc.Arbitrary<unknown>> = new Map<string, fc.Arbitrary<unknown>>([
  [USER_ID.key, hostileText],
  [PHONE.key, hostileText],
  [EMAIL.key, addressLike],
  [ACCOUNT_CODE.key, fc.oneof(fc.constantFrom(...DOT_SEGMENTS.flatMap((dots) => [[dots], [`${dots}/EU`]])), fc.array(fc.oneof(fc.constantFrom(...PATH_LOOKALIKES), hostileText), { maxLength: 2 }))],
  [SUBSCRIPTION_IDS.key, fc.array(uuidLike, { maxLength: 3 })],
  [TIMEZONE.key, timeZoneLike],
  [START.key, dateTimeLike],
  [END.key, dateTimeLike],
]);

/** What every template needs in a valid form; `text` gives the ones printed as text (user id, phone, account code). */
function validCore(text: (read: Read) => fc.Arbitrary<string>): fc.Arbitrary<[Read, Field][]> {
  const timezone = fc.option(fc.constantFrom(...WINDOWS_TIME_ZONES), { nil: undefined });
  return fc
    .tuple(textField(text(USER_ID)), textField(text(PHONE)), emailAddress, accountCode(text(ACCOUNT_CODE)), subscriptionIds, timezone, startAndEnd)
    .map(([userId, phone, email, code, ids, zone, times]) => [
      [USER_ID, userId],
      [PHONE, phone],
      [EMAIL, { value: email }],
      [ACCOUNT_CODE, code],
      [SUBSCRIPTION_IDS, { value: ids }],
      [TIMEZONE, { value: zone }],
      [START, { value: times?.[0] }],
      [END, { value: times?.[1] }],
    ]);
}

/** Text a template takes as given (not blank), for `read`. */
export function givenText(read: Read): fc.Arbitrary<string> {
  if (read.key !== ACCOUNT_CODE.key) return nonBlankText;
  return fc.oneof({ arbitrary: nonBlankText, weight: 3 }, { arbitrary: fc.constantFrom(...PATH_LOOKALIKES), weight: 1 });
}

/** The valid core of what the template reads, and its other values from `rest`. */
function coreAndRest(reads: readonly Read[], text: (read: Read) => fc.Arbitrary<string>, rest: (read: Read) => fc.Arbitrary<Field>) {
  const keys = new Set(reads.map(({ key }) => key));
  const others = reads.filter(({ key }) => !NEAR_MISSES.has(key));
  return fc.tuple(validCore(text), fieldsFor(others, rest)).map(([core, fields]) => [...core.filter(([{ key }]) => keys.has(key)), ...fields]);
}

/** A valid core (validCore), and every other value the template reads from `rest`. */
export function sendingSend(reads: readonly Read[], text: (read: Read) => fc.Arbitrary<string>, rest: (read: Read) => fc.Arbitrary<Field>): fc.Arbitrary<Send> {
  return coreAndRest(reads, text, rest).map(sendOf);
}

/**
 * A valid core but for one value the template reads, a near miss of its form
 * or anything hostile; every other value hostile. Each check of a needed value
 * is reached, and so tested, on its own.
 */
export function oneOffSend(reads: readonly Read[]): fc.Arbitrary<Send> {
  const needed = reads.filter(({ key }) => NEAR_MISSES.has(key));
  const offs = needed.map((off) =>
    fc.tuple(fc.constant(off), fc.oneof({ arbitrary: NEAR_MISSES.get(off.key)!.map((value): Field => ({ value })), weight: 3 }, { arbitrary: hostileField, weight: 1 })),
  );
  if (offs.length === 0) return sendingSend(reads, givenText, () => hostileField); // it needs none of them
  return fc
    .tuple(coreAndRest(reads, givenText, () => hostileField), fc.oneof(...offs))
    .map(([fields, [off, field]]) => sendOf(fields.map(([read, given]): [Read, Field] => [read, read.key === off.key ? field : given])));
}
