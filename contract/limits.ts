/**
 * Braze's documented rules and limits, each stated once, with the document it
 * comes from (keys as in README's "Braze's rules"). The validator
 * (contract/*.ts) checks requests against them and transforms/lib takes its
 * constants from here, so a snippet keeps a request inside exactly the limits
 * the tests check. Plain constants only: snippets inline them.
 *
 * UT: https://www.braze.com/docs/api/endpoints/user_data/post_user_track/
 * UAO: https://www.braze.com/docs/api/objects_filters/user_attributes_object/
 * EVO: https://www.braze.com/docs/api/objects_filters/event_object/
 * PO: https://www.braze.com/docs/api/objects_filters/purchase_object/
 * CE: https://www.braze.com/docs/user_guide/data/activation/custom_data/custom_events/
 * CA: https://www.braze.com/docs/user_guide/data/activation/custom_data/custom_attributes/
 * NCA: https://www.braze.com/docs/user_guide/data/activation/custom_data/custom_attributes/nested_custom_attribute_support/
 * LIMITS: https://www.braze.com/docs/api/api_limits/
 * CAT: https://www.braze.com/docs/api/endpoints/catalogs/catalog_items/asynchronous/put_update_catalog_items/
 * SDK-UID: https://www.braze.com/docs/developer_guide/analytics/setting_user_ids/
 */

/** Objects in one /users/track request, attributes, events and purchases together [LIMITS]. */
export const MAX_TRACK_OBJECTS = 75;

/** String values and key names, in characters [CA, EVO, NCA]; the contract holds a purchase's product_id to it too. */
export const MAX_STRING_CHARS = 255;

/** Distinct properties of one event or purchase; Braze drops the extras [CE]. */
export const MAX_EVENT_PROPERTIES = 256;

/** Event properties that nest arrays or objects, and each nested custom attribute, as UTF-8 JSON [EVO, NCA]. */
export const MAX_NESTED_BYTES = 100 * 1024;

/** Top-level event property keys Braze reserves [EVO]. */
export const RESERVED_PROPERTY_KEYS: readonly string[] = ["time", "event_name"];

/** A custom attribute object with one of these keys is an update operator, not a value [UAO]. */
export const OPERATOR_KEYS: readonly string[] = ["inc", "add", "remove"];

/**
 * Keys inside nested custom attributes "cannot contain spaces", and "." and
 * "$" are not supported there [NCA]: whitespace of any kind, ".", "$".
 */
export const NESTED_KEY_FORBIDDEN = /[\s.$]/;

/**
 * Items of an array custom attribute: the documented default maximum [UAO]
 * (workspaces may raise it; CA's newer text says 500). Braze cuts longer
 * arrays without an error.
 */
export const MAX_ARRAY_ATTRIBUTE_ITEMS = 25;

/** A user id (`external_id`) is at most 997 bytes of UTF-8 [SDK-UID]. */
export const MAX_EXTERNAL_ID_BYTES = 997;

/**
 * An address Braze takes as the `email` identifier [UT]: a local part and a
 * dotted domain, no spaces, quotes, commas or angle brackets (Braze refuses
 * "Name <a@b.co>" and lists of addresses).
 */
export const EMAIL_PATTERN = /^[^\s@"'<>(),;:\\[\]]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The `phone` identifier "only works if you include a valid phone number", in E.164 [UAO, UT]. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** A purchase's `currency`: an ISO 4217 alphabetic code [PO]. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** A purchase's `quantity` "must be <= 100"; Braze records it as that many purchases [PO]. */
export const MAX_PURCHASE_QUANTITY = 100;

/** Dates after the year 3000 are stored as strings, not times [UAO]. */
export const LATEST_TIME_MS = Date.UTC(3000, 0, 1);

/** Catalog item requests [CAT]. */
export const MAX_CATALOG_ITEMS = 50;
export const MAX_CATALOG_ID_CHARS = 250;
export const CATALOG_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_CATALOG_STRING_CHARS = 5000;
export const MAX_CATALOG_DEPTH = 50;
/**
 * Keys of item fields and of objects nested in them: no "." or "$". Unlike
 * nested custom attributes, catalogs document no rule against spaces.
 */
export const CATALOG_KEY_FORBIDDEN = /[.$]/;
