// regal/call.transcript.available: Braze Data Transformation for regal "call.transcript.available"
// Destination: POST /users/track
// Writes: custom event "Call Transcript Available" (_update_existing_only false)
// Settings baked in from transforms/settings.ts:
//   identifierOrder: ["external_id","email","phone"]
//   phoneIdentity: {"as":"user_alias","aliasLabel":"phone"}
//   events: "documented defaults"
// braze-transforms 0.1.0, code sha256 d8b053dd0829a666
// Generated from transforms/regal/call.transcript.available.ts: edit that file, not this one.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

/** Readers that never throw on a missing or oddly typed field. */
function asRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/**
 * A usable identifier-like string: trimmed, non-empty, not the literal "null"
 * Regal sometimes sends. Finite numbers are accepted as their decimal text
 * because ids arrive both as numbers and as numeric strings.
 */
function readText(value) {
    if (typeof value === "number" && isFinite(value))
        return String(value);
    if (typeof value !== "string")
        return undefined;
    const text = value.trim();
    return text === "" || text === "null" || text === "undefined" ? undefined : text;
}
/** The first of `values` that `read` accepts. */
function firstOf(values, read) {
    for (const value of values) {
        const found = read(value);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
/** The value at a dotted path ("new_email_properties.email"), or undefined. */
function readPath(record, path) {
    let value = record;
    for (const key of path.split(".")) {
        const current = asRecord(value);
        if (!current)
            return undefined;
        value = current[key];
    }
    return value;
}

/**
 * The table's attributes that the payload has a value for. A missing or null
 * source writes nothing: "unknown" must not clear what Braze already knows.
 */
function tableAttributes(table, properties) {
    const attributes = {};
    for (const attribute of Object.keys(table)) {
        const source = table[attribute];
        if (typeof source !== "string" && readPath(properties, source.when) !== true)
            continue;
        const value = readPath(properties, typeof source === "string" ? source : source.from);
        if (value !== undefined && value !== null)
            attributes[attribute] = value;
    }
    return attributes;
}
/** The top-level properties a table reads, so "every other property" can leave them out. */
function tableFields(table) {
    return Object.keys(table).map((attribute) => {
        const source = table[attribute];
        return (typeof source === "string" ? source : source.from).split(".")[0];
    });
}
/** "first_name ← firstName, phone ← contactPhone (when isPrimary)" */
function describeTable(table) {
    return Object.keys(table)
        .map((attribute) => {
        const source = table[attribute];
        return typeof source === "string" ? `${attribute} ← ${source}` : `${attribute} ← ${source.from} (when ${source.when})`;
    })
        .join(", ");
}

/**
 * Size of the value's JSON as UTF-8, which is how Braze counts its KB limits.
 * Counted by hand (TextEncoder is not in the ES2018 library transforms
 * compile against); a native regex drops the ASCII first, so the loop only
 * visits the other characters: a 1 MB payload is measured in one pass.
 */
function jsonBytes(value) {
    const json = JSON.stringify(value) || "";
    const wide = json.replace(/[\u0000-\u007f]+/g, "");
    let bytes = json.length - wide.length;
    for (let i = 0; i < wide.length; i++) {
        const code = wide.charCodeAt(i);
        if (code < 0x800)
            bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff) {
            bytes += 4;
            i++;
        }
        else
            bytes += 3;
    }
    return bytes;
}

/*
 * The primitives shared by the property and attribute policies
 * (properties.ts, attributes.ts), so both treat keys, long strings and
 * scalars the same way.
 */
/** Braze's limit on string values and on key names, in UTF-16 code units. */
const MAX_CHARS = 255;
/** The sibling a truncated string gains: its full length, which also marks it as truncated. */
const ORIGINAL_LENGTH_SUFFIX = "_original_length";
/**
 * The first `max` characters, exactly, except that a surrogate pair is never
 * split: half an emoji is not valid Unicode and could fail the whole request.
 */
function truncate(text, max = MAX_CHARS) {
    if (text.length <= max)
        return text;
    const last = text.charCodeAt(max - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
/** A key not yet used in `target`: `name`, else `name_2`, `name_3`, … */
function freeKey(target, name) {
    if (!Object.prototype.hasOwnProperty.call(target, name))
        return name;
    let n = 2;
    while (Object.prototype.hasOwnProperty.call(target, `${name}_${n}`))
        n++;
    return `${name}_${n}`;
}
/**
 * A source key as Braze takes it: surrounding spaces trimmed (Regal's
 * "callback_timestamp "), a leading "$" as "_", names in `reserved` prefixed
 * with "_", empty as "_", at most 255 characters.
 */
function brazeKey(key, reserved) {
    const trimmed = key.trim();
    const name = trimmed.charAt(0) === "$" ? `_${trimmed.slice(1)}` : trimmed;
    if (name === "")
        return "_";
    return truncate(reserved.indexOf(name) >= 0 ? `_${name}` : name);
}
/** Whether `value` is a string Braze would refuse for its length. */
function isLongText(value) {
    return typeof value === "string" && value.length > MAX_CHARS;
}
/** Writes a long string as its first 255 characters, with its full length beside it. */
function putLongText(target, key, text) {
    target[key] = truncate(text);
    target[freeKey(target, key + ORIGINAL_LENGTH_SUFFIX)] = text.length;
}
/** A scalar as Braze takes it: Regal's literal "null" is null, strings are cut to 255 characters. */
function scalarValue(value) {
    if (typeof value === "string")
        return value === "null" ? null : truncate(value);
    if (typeof value === "number")
        return isFinite(value) ? value : null;
    if (typeof value === "boolean" || value === null || value === undefined)
        return value === undefined ? null : value;
    return truncate(String(value));
}
/** JSON text of a value, for values Braze cannot take as they are. */
function jsonText(value) {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
}

const PROFILE_STRINGS = ["first_name", "last_name", "email", "phone", "country", "home_city", "language", "time_zone"];
const PROTECTED_KEYS = [
    "external_id", "user_alias", "braze_id", "app_id", "_update_existing_only", "push_token_import",
    "subscription_groups", "email_subscribe", "push_subscribe", "dob", "gender",
];
const OPERATOR_KEYS = ["inc", "add", "remove"];
const MAX_NESTED_BYTES$1 = 100 * 1024;
const MAX_DEPTH$1 = 10;
function toAttributes(source) {
    const target = {};
    for (const key of Object.keys(source)) {
        const name = brazeKey(key, PROTECTED_KEYS);
        const value = source[key];
        const profileString = PROFILE_STRINGS.indexOf(name) >= 0;
        if (profileString && typeof value === "string" && !isLongText(value) && value !== "null")
            target[freeKey(target, name)] = value;
        else
            put$1(target, freeKey(target, profileString ? `_${name}` : name), value);
    }
    return target;
}
function put$1(target, key, value) {
    if (isLongText(value))
        return putLongText(target, key, value);
    const normalized = topLevelValue(value);
    if (typeof normalized === "object" && normalized !== null && jsonBytes(normalized) > MAX_NESTED_BYTES$1) {
        put$1(target, key, jsonText(normalized));
    }
    else {
        target[key] = normalized;
    }
}
function topLevelValue(value) {
    if (Array.isArray(value))
        return value.map(arrayItem);
    const record = asRecord(value);
    return record ? nestedObject(record, 1) : scalarValue(value);
}
function arrayItem(item) {
    if (typeof item === "string")
        return truncate(item);
    if (typeof item === "number" && isFinite(item))
        return item;
    const record = asRecord(item);
    return record ? nestedObject(record, 1) : truncate(jsonText(item));
}
function nestedObject(source, depth) {
    const target = {};
    for (const key of Object.keys(source))
        target[freeKey(target, nestedKey(key))] = nestedValue(source[key], depth + 1);
    return target;
}
function nestedValue(value, depth) {
    if (typeof value !== "object" || value === null)
        return scalarValue(value);
    if (depth >= MAX_DEPTH$1)
        return truncate(jsonText(value));
    if (Array.isArray(value))
        return value.map((item) => nestedValue(item, depth + 1));
    return nestedObject(value, depth);
}
function nestedKey(key) {
    const name = key.trim().replace(/[.$]/g, "_");
    if (name === "")
        return "_";
    return truncate(OPERATOR_KEYS.indexOf(name) >= 0 ? `_${name}` : name);
}

/**
 * Deliberate errors: the only ways a transform may fail. Each names itself
 * explicitly (`NAME`): bundling and minifying may rename classes. Braze's log shows the
 * thrown message, so each names the event and the field that was wrong; a
 * throw is always better than a request that silently writes the wrong thing.
 */
class TransformError extends Error {
    constructor(name, message) {
        super(message);
        this.name = name;
    }
}
/** The payload has none of the identifiers the settings allow (for a user, or a catalog item). */
class MissingIdentityError extends TransformError {
    constructor(event, lookedFor, what = "user identifier") {
        super(MissingIdentityError.NAME, `${event}: no ${what} in the payload (looked for ${lookedFor.join(", ")})`);
    }
}
MissingIdentityError.NAME = "MissingIdentityError";
/** How a received value is named in a message: "missing" rather than "undefined". */
function shown(value) {
    return value === undefined ? "missing" : JSON.stringify(value);
}
/** A webhook for another event reached this event's transformation. */
class MisroutedEventError extends TransformError {
    constructor(expected, received) {
        const handled = expected.length === 1 ? expected[0] : `one of ${expected.join(", ")}`;
        super(MisroutedEventError.NAME, `expected a Regal ${handled} payload but payload.name is ${shown(received)}: ` +
            "filter this Regal webhook to the events this transformation handles");
    }
}
MisroutedEventError.NAME = "MisroutedEventError";
/** The payload is not shaped like the source's webhook at all. */
class InvalidPayloadError extends TransformError {
    constructor(where, problem) {
        super(InvalidPayloadError.NAME, `${where}: ${problem}`);
    }
}
InvalidPayloadError.NAME = "InvalidPayloadError";
/** A value the mapping needs has no configured counterpart in Braze. */
class UnmappedValueError extends TransformError {
    constructor(event, field, value, known) {
        super(UnmappedValueError.NAME, `${event}: ${field} is ${shown(value)}, expected one of ${known.join(", ")}`);
    }
}
UnmappedValueError.NAME = "UnmappedValueError";

const READERS = {
    external_id: readText,
    email: readEmail,
    phone: readPhone,
};
/**
 * The identifier Braze should use, taken from the first source in the
 * settings' order that has a usable value. Throws rather than returning
 * nothing: an event with no identity would otherwise vanish silently.
 */
function resolveIdentity(event, candidates, settings) {
    for (const source of settings.identifierOrder) {
        const value = firstOf(candidates[source].map((candidate) => candidate.value), READERS[source]);
        if (value !== undefined)
            return toIdentifier(source, value, settings.phoneIdentity);
    }
    const lookedFor = settings.identifierOrder.map((source) => candidates[source].map((c) => c.field).join(" or "));
    throw new MissingIdentityError(event, lookedFor);
}
function toIdentifier(source, value, phone) {
    if (source === "external_id")
        return { external_id: value };
    if (source === "email")
        return { email: value };
    return phone.as === "phone"
        ? { phone: value }
        : { user_alias: { alias_name: value, alias_label: phone.aliasLabel } };
}
/** Braze rejects an email identifier that is not an address, losing the object. */
function readEmail(value) {
    const text = readText(value);
    return text !== undefined && /^[^@\s]+@[^@\s]+$/.test(text) ? text : undefined;
}
/**
 * Digits with an optional leading "+", separators removed. Placeholders such
 * as Regal's documented "+1XXXXXXXXXX" are refused: as an alias they would
 * merge every such contact into one Braze profile.
 */
function readPhone(value) {
    const text = readText(value);
    if (text === undefined)
        return undefined;
    const phone = text.replace(/[\s().-]/g, "");
    return /^\+?\d{6,15}$/.test(phone) ? phone : undefined;
}

const RESERVED_KEYS = ["time", "event_name"];
const MAX_PROPERTIES = 256;
const MAX_NESTED_BYTES = 100 * 1024;
const MAX_DEPTH = 10;
const OVERFLOW_KEY = "more_properties";
function toEventProperties(source) {
    return fitNestedBudget(capCount(normalizeObject(source, 0, RESERVED_KEYS)));
}
function normalizeObject(source, depth, reserved) {
    const target = {};
    for (const key of Object.keys(source))
        put(target, freeKey(target, brazeKey(key, reserved)), source[key], depth);
    return target;
}
function put(target, key, value, depth) {
    if (isLongText(value))
        putLongText(target, key, value);
    else
        target[key] = normalizeValue(value, depth);
}
function normalizeValue(value, depth) {
    if (typeof value !== "object" || value === null)
        return scalarValue(value);
    if (depth >= MAX_DEPTH)
        return truncate(jsonText(value));
    if (Array.isArray(value))
        return value.map((item) => normalizeValue(item, depth + 1));
    return normalizeObject(value, depth + 1, []);
}
function capCount(properties) {
    const keys = Object.keys(properties);
    if (keys.length <= MAX_PROPERTIES)
        return properties;
    const kept = {};
    const overflow = {};
    keys.forEach((key, index) => {
        if (index < MAX_PROPERTIES - 1)
            kept[key] = properties[key];
        else
            overflow[key] = properties[key];
    });
    kept[freeKey(kept, OVERFLOW_KEY)] = overflow;
    return kept;
}
function fitNestedBudget(properties) {
    const nested = Object.keys(properties).filter((key) => isNested(properties[key]));
    if (nested.length === 0 || jsonBytes(properties) <= MAX_NESTED_BYTES)
        return properties;
    const largestFirst = nested
        .map((key) => ({ key, bytes: jsonBytes(properties[key]) }))
        .sort((a, b) => b.bytes - a.bytes || (a.key < b.key ? -1 : 1));
    const fitted = { ...properties };
    for (const { key } of largestFirst) {
        const text = jsonText(fitted[key]);
        put(fitted, key, text, 0);
        if (jsonBytes(fitted) <= MAX_NESTED_BYTES)
            break;
    }
    return fitted;
}
function isNested(value) {
    return typeof value === "object" && value !== null;
}

function defineTransform(meta, run) {
    return Object.assign(run, { meta });
}

/** The webhook body as an object, or the deliberate error every transform and router gives. */
function payloadObject(payload) {
    const body = asRecord(payload);
    if (!body)
        throw new InvalidPayloadError("payload", `expected a webhook object, got ${describe(payload)}`);
    return body;
}
function describe(value) {
    if (value === null)
        return "null";
    return Array.isArray(value) ? "an array" : typeof value;
}

/**
 * Timestamps arrive as epoch seconds (numbers or numeric strings), epoch
 * milliseconds, ISO-8601 with or without an offset, and "YYYY-MM-DD HH:MM:SS
 * ±HH:MM". We parse them ourselves rather than with Date.parse, whose handling
 * of non-ISO strings differs between engines and Braze's engine is unknown.
 */
/** Epoch values above this are milliseconds: as seconds they would be past the year 5000. */
const LARGEST_EPOCH_SECONDS = 1e11;
/** Braze stores dates after the year 3000 as strings, so later instants are not timestamps. */
const LATEST_MS = Date.UTC(3000, 0, 1);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\d+(?:\.\d+)?$/;
function parseTimestamp(value) {
    if (typeof value === "number")
        return fromEpoch(value);
    if (typeof value !== "string")
        return undefined;
    const text = value.trim();
    if (EPOCH.test(text))
        return fromEpoch(Number(text));
    return fromDateTime(text);
}
/** The ISO-8601 form Braze expects, or undefined when `value` is no timestamp. */
function toIsoTime(value) {
    const ms = parseTimestamp(value);
    return ms === undefined ? undefined : new Date(ms).toISOString();
}
function fromEpoch(epoch) {
    if (!isFinite(epoch) || epoch <= 0)
        return undefined;
    const ms = Math.round(epoch > LARGEST_EPOCH_SECONDS ? epoch : epoch * 1000);
    return ms < LATEST_MS ? ms : undefined;
}
/**
 * A string without a zone is read as UTC: Regal calls its timestamps UTC, a
 * transformation cannot know the account's zone, and Braze itself reads
 * zone-less dates as UTC.
 */
function fromDateTime(text) {
    const match = DATE_TIME.exec(text);
    if (!match)
        return undefined;
    const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = match;
    const fields = [year, month, day, hour, minute, second].map(Number);
    const [y, mo, d, h, mi, s] = fields;
    const ms = Number((fraction + "000").slice(0, 3));
    const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    const roundTrip = new Date(local);
    const valid = roundTrip.getUTCFullYear() === y && roundTrip.getUTCMonth() === mo - 1 && roundTrip.getUTCDate() === d &&
        h < 24 && mi < 60 && s < 60;
    if (!valid)
        return undefined;
    const offset = zoneOffsetMs(zone);
    if (offset === undefined)
        return undefined;
    const instant = local - offset;
    return instant > 0 && instant < LATEST_MS ? instant : undefined;
}
/** Offsets run from -12:00 to +14:00; anything else is a malformed zone. */
function zoneOffsetMs(zone) {
    if (zone.toUpperCase() === "Z")
        return 0;
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || "0");
    if (hours > 14 || minutes > 59)
        return undefined;
    return sign * (hours * 60 + minutes) * 60000;
}

/** Property timestamps that date the event itself, most specific first. */
const PROPERTY_TIMES = ["timestamp", "completed_at", "ended_at", "created_at", "started_at", "response_timestamp"];
function readRegalEvent(payload, handled) {
    const body = payloadObject(payload);
    const name = body.name;
    if (typeof name !== "string" || handled.indexOf(name) < 0)
        throw new MisroutedEventError(handled, name);
    const traits = asRecord(body.traits) || {};
    const properties = asRecord(body.properties) || {};
    return {
        name,
        properties,
        identity: {
            external_id: [
                { field: "userId", value: body.userId },
                { field: "external_id", value: body.external_id },
            ],
            email: [
                { field: "traits.email", value: traits.email },
                { field: "contact_email", value: body.contact_email },
            ],
            phone: [
                { field: "traits.phone", value: traits.phone },
                { field: "contact_phone", value: body.contact_phone },
                { field: "properties.contact_phone", value: properties.contact_phone },
                { field: "properties.contactPhone", value: properties.contactPhone },
                { field: "properties.contact_number", value: properties.contact_number },
            ],
        },
        time: eventTime(body, properties),
    };
}
/**
 * The envelope's timestamp in whatever encoding it came, then the event's own
 * property timestamps, then the time the transformation runs: Braze needs a
 * time on every event, and "now" is within seconds of Regal's send.
 */
function eventTime(body, properties) {
    const envelope = [body.originalTimestamp, body.original_timestamp, body.created_at];
    const own = PROPERTY_TIMES.map((key) => properties[key]);
    return firstOf(envelope.concat(own), toIsoTime) || new Date().toISOString();
}

/** A transform for one Regal event: refuses other events, reads either envelope, then maps. */
function regalTransform(event, destination, mapping, build) {
    const meta = { source: "regal", events: [event], destination, mapping: [{ event, ...mapping }] };
    return defineTransform(meta, (payload) => build(readRegalEvent(payload, [event])));
}

/**
 * This workspace's settings, inlined into the snippets by `npm run build`.
 * Build for another workspace with `bdt build --settings path/to/other.ts`.
 * `satisfies` (not a helper call) keeps the object a literal, so each snippet
 * inlines only the settings it reads.
 */
var settings = {
    identifierOrder: ["external_id", "email", "phone"],
    phoneIdentity: { as: "user_alias", aliasLabel: "phone" },
    events: {
        "call.completed": { brazeEventName: "Call Completed", updateExistingOnly: false },
        "contact.attribute.edited": { updateExistingOnly: false },
        "contact.experiment.assigned": { brazeEventName: "Contact Experiment Assigned", updateExistingOnly: false },
        // Braze's Regal page writes only the subscription change for this event.
        "contact.unsubscribed": { updateExistingOnly: true, trackEvent: false },
    },
};

/*
 * Settings are read here with literal property names only, so the bundler
 * inlines into each snippet just the settings that snippet uses.
 */
const identitySettings = {
    identifierOrder: settings.identifierOrder,
    phoneIdentity: settings.phoneIdentity,
};
/** An event's settings with the documented defaults filled in. */
function eventSettings(event, defaultUpdateExistingOnly) {
    const events = settings.events;
    const own = events[event] || {};
    return {
        brazeEventName: own.brazeEventName || defaultBrazeEventName(event),
        updateExistingOnly: own.updateExistingOnly === undefined ? defaultUpdateExistingOnly : own.updateExistingOnly,
        trackEvent: own.trackEvent !== false,
    };
}
const ACRONYMS = ["sms", "mms", "ivr"];
/** "call.completed" → "Call Completed", "sms.sent" → "SMS Sent". */
function defaultBrazeEventName(event) {
    return event
        .split(".")
        .map((word) => (ACRONYMS.indexOf(word) >= 0 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
        .join(" ");
}

const ALL_PROPERTIES = "every Regal property, as event properties (see *How values are carried*)";
/** A Braze custom event carrying the Regal event's properties, and optionally profile attributes. */
function customEvent(event, options = {}) {
    const settings = eventSettings(event, false);
    const table = options.attributes;
    const writes = [`custom event "${settings.brazeEventName}"`];
    if (table)
        writes.push(`attributes: ${describeTable(table)}${options.otherPropertiesAsAttributes ? ", every other property as a custom attribute" : ""}`);
    return regalTransform(event, "POST /users/track", { writes, fields: ALL_PROPERTIES, updateExistingOnly: settings.updateExistingOnly }, (regal) => {
        const identity = resolveIdentity(event, regal.identity, identitySettings);
        const attributes = table ? profileAttributes(regal.properties, table, options.otherPropertiesAsAttributes === true) : {};
        return withAttributes(identity, settings, attributes, { events: [eventObject(regal, identity, settings)] });
    });
}
function eventObject(regal, identity, settings) {
    return {
        ...identity,
        _update_existing_only: settings.updateExistingOnly,
        name: settings.brazeEventName,
        time: regal.time,
        properties: toEventProperties(regal.properties),
    };
}
/**
 * A profile field that is also the object's identifier (email, phone) must
 * not change who the object identifies: a differing value is kept beside it
 * as `_<field>`.
 */
function attributesObject(identity, settings, attributes) {
    const values = toAttributes(attributes);
    for (const key of Object.keys(identity)) {
        const value = values[key];
        if (value === undefined)
            continue;
        delete values[key];
        if (value !== identity[key])
            values[freeKey(values, `_${key}`)] = value;
    }
    return { ...identity, _update_existing_only: settings.updateExistingOnly, ...values };
}
/** Attributes first: Braze processes them before events, so a triggered message sees the new profile. */
function withAttributes(identity, settings, attributes, request) {
    return Object.keys(attributes).length === 0 ? request : { attributes: [attributesObject(identity, settings, attributes)], ...request };
}
function profileAttributes(properties, table, others) {
    const attributes = tableAttributes(table, properties);
    if (!others)
        return attributes;
    const read = tableFields(table);
    for (const key of Object.keys(properties)) {
        if (read.indexOf(key) < 0 && !(key in attributes))
            attributes[key] = properties[key];
    }
    return attributes;
}

/** A transcript, AI call summary, sentiments and trackers are available for a call. */
var call_transcript_available = customEvent("call.transcript.available");

return call_transcript_available(payload, headers);
