// regal/call.recording.available: Braze Data Transformation for regal "call.recording.available"
// Destination: POST /users/track
// Writes: custom event "Call Recording Available" (_update_existing_only false)
// Settings baked in from transforms/settings.ts:
//   identity: {"identifierOrder":["external_id","email","phone"],"phoneIdentity":{"as":"user_alias","aliasLabel":"phone"}}
//   events["call.recording.available"]: {"brazeEventName":"Call Recording Available","updateExistingOnly":false}
// braze-transforms 0.1.0, code sha256 13fc4749b1c3f292
// Generated from transforms/regal/call.recording.available.ts: edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

var call_recording_available = {};

var settings = {
    identity: {
        identifierOrder: ["external_id", "email", "phone"],
        phoneIdentity: {
            as: "user_alias",
            aliasLabel: "phone",
        },
    },
    events: {
        "call.recording.available": {
            brazeEventName: "Call Recording Available",
            updateExistingOnly: false,
        },
    },
};

function asRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function readText(value) {
    if (typeof value === "number" && isFinite(value))
        return String(value);
    if (typeof value !== "string")
        return undefined;
    const text = value.trim();
    return text === "" || text === "null" || text === "undefined" ? undefined : text;
}
function firstOf(values, read) {
    for (const value of values) {
        const found = read(value);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
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
function hasOwn(target, key) {
    return Object.prototype.hasOwnProperty.call(target, key);
}

const PROPERTY_TIMES = ["timestamp", "completed_at", "ended_at", "created_at", "started_at", "response_timestamp"];
var source = {
    name: "Regal",
    eventField: "name",
    eventOf: (body) => body.name,
    read(body) {
        const traits = asRecord(body.traits) || {};
        const properties = asRecord(body.properties) || {};
        return {
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
            times: [body.originalTimestamp, body.original_timestamp, body.created_at].concat(PROPERTY_TIMES.map((key) => properties[key])),
        };
    },
};

class TransformError extends Error {
    constructor(name, message) {
        super(message);
        this.name = name;
    }
}
function at(origin) {
    return `${origin.source.name} ${origin.event}`;
}
class MissingIdentityError extends TransformError {
    static get NAME() {
        return "MissingIdentityError";
    }
    constructor(origin, lookedFor, what = "user identifier") {
        super(MissingIdentityError.NAME, `${at(origin)}: no ${what} in the payload (looked for ${lookedFor.join(", ")})`);
    }
}
function shown(value) {
    return value === undefined ? "missing" : JSON.stringify(value);
}
class MisroutedEventError extends TransformError {
    static get NAME() {
        return "MisroutedEventError";
    }
    constructor(source, expected, body) {
        const handled = expected.length === 1 ? expected[0] : `one of ${expected.join(", ")}`;
        super(MisroutedEventError.NAME, `expected ${/^[aeiou]/i.test(source.name) ? "an" : "a"} ${source.name} ${handled} payload but payload.${source.eventField} is ${shown(body[source.eventField])}: ` +
            `filter this ${source.name} webhook to the events this transformation handles`);
    }
}
class InvalidPayloadError extends TransformError {
    static get NAME() {
        return "InvalidPayloadError";
    }
    constructor(where, problem) {
        super(InvalidPayloadError.NAME, `${where}: ${problem}`);
    }
}
class NotWrittenError extends TransformError {
    static get NAME() {
        return "NotWrittenError";
    }
    constructor(origin, why) {
        super(NotWrittenError.NAME, `${at(origin)}: not written: ${why}`);
    }
}

const MAX_STRING_CHARS = 255;
const MAX_EVENT_PROPERTIES = 256;
const MAX_NESTED_BYTES = 100 * 1024;
const RESERVED_PROPERTY_KEYS = ["time", "event_name"];
const MAX_EXTERNAL_ID_BYTES = 997;
const EMAIL_PATTERN = /^[^\s@"'<>(),;:\\[\]]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const LATEST_TIME_MS = Date.UTC(3000, 0, 1);

function jsonBytes(value) {
    return utf8Bytes(JSON.stringify(value) || "");
}
function utf8Bytes(text) {
    const wide = text.replace(/[\u0000-\u007f]+/g, "");
    let bytes = text.length - wide.length;
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

function resolveIdentity(origin, candidates, settings) {
    const lookedFor = [];
    for (const kind of settings.identifierOrder) {
        const fields = candidates[kind] || [];
        for (const candidate of fields) {
            const value = readIdentifier(kind, candidate.value, settings.phoneIdentity);
            if (value !== undefined)
                return toIdentifier(kind, value, settings);
        }
        if (fields.length > 0)
            lookedFor.push(fields.map((c) => c.field).join(" or "));
    }
    throw new MissingIdentityError(origin, lookedFor.length > 0 ? lookedFor : [`none of ${settings.identifierOrder.join(", ")}: the settings' identifierOrder names no identifier this event carries`]);
}
function readIdentifier(kind, value, phone) {
    if (kind === "external_id" || kind === "user_alias")
        return readId(value);
    return kind === "email" ? readEmail(value) : readPhone(value, phone);
}
function toIdentifier(kind, value, settings) {
    if (kind === "external_id")
        return { external_id: value };
    if (kind === "email")
        return { email: value };
    if (kind === "user_alias")
        return { user_alias: { alias_name: value, alias_label: settings.aliasLabel } };
    const phone = settings.phoneIdentity;
    return phone.as === "phone"
        ? { phone: value }
        : { user_alias: { alias_name: value, alias_label: phone.aliasLabel } };
}
function readId(value) {
    const text = readText(value);
    return text !== undefined && utf8Bytes(text) <= MAX_EXTERNAL_ID_BYTES ? text : undefined;
}
function readEmail(value) {
    const text = readText(value);
    return text !== undefined && EMAIL_PATTERN.test(text) ? text : undefined;
}
function readPhone(value, identity) {
    const text = readText(value);
    if (text === undefined)
        return undefined;
    const phone = text.replace(/[\s().-]/g, "");
    const usable = identity.as === "phone" ? E164_PATTERN.test(phone) : /^\+?\d{6,15}$/.test(phone);
    return usable ? phone : undefined;
}

const ORIGINAL_LENGTH_SUFFIX = "_original_length";
function truncate(text, max = MAX_STRING_CHARS) {
    if (text.length <= max)
        return text;
    const last = text.charCodeAt(max - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
function freeKey(target, name) {
    if (!hasOwn(target, name))
        return name;
    let n = 2;
    while (hasOwn(target, withSuffix(name, `_${n}`)))
        n++;
    return withSuffix(name, `_${n}`);
}
function withSuffix(name, suffix) {
    return truncate(name, MAX_STRING_CHARS - suffix.length) + suffix;
}
function ordinaryKey(name) {
    return name === "__proto__" ? `_${name}` : name;
}
function brazeKey(key, reserved) {
    const trimmed = key.trim();
    const name = trimmed.charAt(0) === "$" ? `_${trimmed.slice(1)}` : trimmed;
    if (name === "")
        return "_";
    return truncate(reserved.indexOf(name) >= 0 ? `_${name}` : ordinaryKey(name));
}
function isLongText(value) {
    return typeof value === "string" && value.length > MAX_STRING_CHARS;
}
function putLongText(target, key, text) {
    target[key] = truncate(text);
    putOriginalLength(target, key, text.length);
}
function putOriginalLength(target, key, length) {
    target[freeKey(target, withSuffix(key, ORIGINAL_LENGTH_SUFFIX))] = length;
}
function scalarValue(value) {
    if (typeof value === "string")
        return value === "null" ? null : truncate(value);
    if (typeof value === "number")
        return isFinite(value) ? value : null;
    if (typeof value === "boolean" || value === null || value === undefined)
        return value === undefined ? null : value;
    return truncate(String(value));
}
function jsonText(value) {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
}

function payloadObject(payload) {
    const body = asRecord(payload);
    if (!body)
        throw new InvalidPayloadError("payload", `expected a webhook object, got ${kindOf(payload)}`);
    return body;
}
function kindOf(value) {
    if (value === null)
        return "null";
    return Array.isArray(value) ? "an array" : typeof value;
}

const LARGEST_EPOCH_SECONDS = 1e11;
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
function toIsoTime(value) {
    const ms = parseTimestamp(value);
    return ms === undefined ? undefined : new Date(ms).toISOString();
}
function eventTime(times) {
    return firstOf(times, toIsoTime) || new Date().toISOString();
}
function fromEpoch(epoch) {
    if (!isFinite(epoch) || epoch <= 0)
        return undefined;
    const ms = Math.round(epoch > LARGEST_EPOCH_SECONDS ? epoch : epoch * 1000);
    return ms < LATEST_TIME_MS ? ms : undefined;
}
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
    return instant > 0 && instant < LATEST_TIME_MS ? instant : undefined;
}
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

function readWebhook(source, event, payload, mapping) {
    const body = eventBody(source, event, payload);
    const envelope = source.read(body, event);
    if (envelope.refusal !== undefined)
        throw new NotWrittenError({ source, event }, envelope.refusal);
    const identity = mapping.identity ? withMappingIdentity(envelope.identity, mapping.identity, envelope.properties) : envelope.identity;
    return { event, properties: envelope.properties, identity, time: eventTime(envelope.times) };
}
function eventBody(source, event, payload) {
    const body = payloadObject(payload);
    const received = source.eventOf(body);
    if (received !== event)
        throw new MisroutedEventError(source, [event], body);
    return body;
}
function withMappingIdentity(candidates, paths, properties) {
    const merged = { ...candidates };
    for (const kind of Object.keys(paths)) {
        const own = (paths[kind] || []).map((path) => ({ field: path, value: readPath(properties, path) }));
        merged[kind] = own.concat(candidates[kind] || []);
    }
    return merged;
}

const MAX_PROPERTY_DEPTH = 10;
const OVERFLOW_KEY = "more_properties";
function toEventProperties(source) {
    return fitNestedBudget(capCount(normalizeObject(source, 0, RESERVED_PROPERTY_KEYS)));
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
    if (depth >= MAX_PROPERTY_DEPTH)
        return truncate(jsonText(value));
    if (Array.isArray(value))
        return value.map((item) => normalizeValue(item, depth + 1));
    return normalizeObject(value, depth + 1, []);
}
function capCount(properties) {
    const keys = Object.keys(properties);
    if (keys.length <= MAX_EVENT_PROPERTIES)
        return properties;
    const kept = {};
    const overflow = {};
    keys.forEach((key, index) => {
        if (index < MAX_EVENT_PROPERTIES - 1)
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
        if (Object.keys(fitted).length >= MAX_EVENT_PROPERTIES)
            fitted[key] = truncate(text);
        else
            put(fitted, key, text, 0);
        if (jsonBytes(fitted) <= MAX_NESTED_BYTES)
            break;
    }
    return fitted;
}
function isNested(value) {
    return typeof value === "object" && value !== null;
}

function eventObject(webhook, identity, name, updateExistingOnly) {
    return { ...identity, _update_existing_only: updateExistingOnly, name, time: webhook.time, properties: toEventProperties(webhook.properties) };
}

function customEvent(source, event, mapping, settings) {
    const own = settings.events[event];
    return tracked(source, event, mapping, settings, (webhook, identity) => ({ events: [oneEvent(webhook, identity, own)] }));
}
function tracked(source, event, mapping, settings, complete) {
    return (payload) => {
        const webhook = readWebhook(source, event, payload, mapping);
        return complete(webhook, resolveIdentity({ source, event }, webhook.identity, settings.identity));
    };
}
function oneEvent(webhook, identity, own) {
    return eventObject(webhook, identity, own.brazeEventName, own.updateExistingOnly);
}

const transform = customEvent(source, "call.recording.available", call_recording_available, settings);

return transform(payload, headers);
