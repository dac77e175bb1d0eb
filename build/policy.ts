import {
  MAX_ARRAY_ATTRIBUTE_ITEMS,
  MAX_EVENT_PROPERTIES,
  MAX_EXTERNAL_ID_BYTES,
  MAX_NESTED_BYTES,
  MAX_STRING_CHARS,
  OPERATOR_KEYS,
  RESERVED_PROPERTY_KEYS,
} from "../contract/limits";
import { NESTED_KEY_REPLACEMENT, PROFILE_STRINGS, PROTECTED_KEYS } from "../transforms/lib/attributes";
import { ORIGINAL_LENGTH_SUFFIX } from "../transforms/lib/normalize";
import { MAX_PROPERTY_DEPTH, OVERFLOW_KEY } from "../transforms/lib/properties";

/*
 * The value policy of transforms/lib in words, for the generated mapping
 * tables: build-only text, so no snippet carries it. Every number and name
 * comes from the constants the code runs with.
 */

const KB = MAX_NESTED_BYTES / 1024;
const code = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(", ");

export const PROPERTY_POLICY: readonly string[] = [
  `a string over ${MAX_STRING_CHARS} characters keeps its first ${MAX_STRING_CHARS} and gains a sibling \`<key>${ORIGINAL_LENGTH_SUFFIX}\` holding its full length (inside arrays, where no sibling fits, it is only truncated); a key that would grow past ${MAX_STRING_CHARS} characters with a suffix (\`_2\`, \`${ORIGINAL_LENGTH_SUFFIX}\`) is cut to make room`,
  'the literal string "null" (partners send it for empty fields) becomes null',
  `keys: surrounding spaces are trimmed (e.g. "callback_timestamp "), a leading "$" becomes "_", the reserved ${code(RESERVED_PROPERTY_KEYS)} and \`__proto__\` gain a leading "_", an empty key becomes "_", a key over ${MAX_STRING_CHARS} characters is cut; a renamed key that collides gains \`_2\`, \`_3\`, …`,
  `nesting deeper than ${MAX_PROPERTY_DEPTH} levels is kept as JSON text`,
  `past ${MAX_EVENT_PROPERTIES} properties (Braze would drop the extras) the rest go into one nested \`${OVERFLOW_KEY}\` object`,
  `when nested values would make the properties larger than ${KB} KB, the largest nested values become their JSON text (truncated as above, without the sibling when the event already has ${MAX_EVENT_PROPERTIES} properties) until they fit`,
];

export const ATTRIBUTE_POLICY: readonly string[] = [
  'a missing, null or "null" source value is not written: an unknown value never clears what Braze knows (only a removal the source reports does, per event in the table above)',
  `profile fields Braze types as strings (${code(PROFILE_STRINGS)}) take string values only; any other value is kept under \`_<field>\` instead`,
  `keys naming identifiers or other typed fields (${code(PROTECTED_KEYS)}) gain a leading "_", so a source field can never change who the object identifies`,
  `inside nested objects, spaces (any whitespace), "." and "$" in keys become "${NESTED_KEY_REPLACEMENT}" (Braze refuses them or reads them as syntax), as do the operator names ${OPERATOR_KEYS.join("/")} as keys; a null or "null" inside is left out (one null makes Braze drop every nested attribute update of the request), and an object left empty is not written`,
  `an array of strings and numbers longer than ${MAX_ARRAY_ATTRIBUTE_ITEMS} items (Braze's default limit, past which it cuts silently) keeps its first ${MAX_ARRAY_ATTRIBUTE_ITEMS} and gains \`<key>${ORIGINAL_LENGTH_SUFFIX}\`; array items Braze does not take (booleans, null, arrays) become JSON text; a nested value over ${KB} KB becomes its truncated JSON text`,
];

export const IDENTITY_POLICY: readonly string[] = [
  `an \`external_id\` over ${MAX_EXTERNAL_ID_BYTES} bytes (Braze's user id limit) is skipped: cut, it would name another user`,
  "an e-mail Braze would not take as an identifier (no dotted domain, spaces, a display name) is skipped",
  "a phone number is skipped when it is a placeholder such as `+1XXXXXXXXXX`; as Braze's `phone` identifier it must also be E.164 (`+` and the country code)",
  "a skipped value gives way to the next field, then the next kind of identifier, in the settings' order",
];
