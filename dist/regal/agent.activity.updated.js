// regal/agent.activity.updated: Braze Data Transformation for regal "agent.activity.updated"
// Destination: PUT /catalogs/{catalog_name}/items
// Writes: catalog "regal_agents" item, id made from properties.agent_email
// Settings baked in from transforms/settings.ts:
//   events["agent.activity.updated"]: {"catalogName":"regal_agents"}
// braze-transforms 0.1.0, code sha256 b1c684118a578d8f
// Generated from transforms/regal/agent.activity.updated.ts: edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

var agent_activity_updated = {
    idFrom: "agent_email",
    fields: {
        agent_email: "string",
        agent_activity_name: "string",
        agent_availability: "boolean",
        agent_previous_activity_name: "string",
        agent_previous_availability: "boolean",
        agent_time_in_previous_activity: "number",
    },
    timeField: "updated_at",
};

var settings = {
    events: {
        "agent.activity.updated": {
            catalogName: "regal_agents",
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

const MAX_STRING_CHARS = 255;
const LATEST_TIME_MS = Date.UTC(3000, 0, 1);
const MAX_CATALOG_ID_CHARS = 250;
const MAX_CATALOG_STRING_CHARS = 5000;

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

function catalogItemId(origin, properties, path) {
    const id = catalogId(readText(readPath(properties, path)));
    if (!id)
        throw new MissingIdentityError(origin, [`properties.${path}`], "catalog item id");
    return id;
}
function catalogId(text) {
    if (!text)
        return undefined;
    const id = text.toLowerCase().replace(/@/g, "_at_").replace(/[^a-z0-9_-]/g, "_").slice(0, MAX_CATALOG_ID_CHARS);
    return /[a-z0-9]/.test(id) ? id : undefined;
}

function truncate(text, max = MAX_STRING_CHARS) {
    if (text.length <= max)
        return text;
    const last = text.charCodeAt(max - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
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

function catalogItem(source, event, mapping, settings) {
    const catalogName = settings.events[event].catalogName;
    const fields = mapping.fields;
    return (payload) => {
        const webhook = readWebhook(source, event, payload, mapping);
        const id = catalogItemId({ source, event }, webhook.properties, mapping.idFrom);
        const item = { id };
        for (const field of Object.keys(fields))
            item[field] = coerce(webhook.properties[field], fields[field]);
        item[mapping.timeField] = webhook.time;
        return { catalog_name: catalogName, items: [item] };
    };
}
function coerce(value, type) {
    if (type === "time")
        return toIsoTime(value) || null;
    if (type === "boolean") {
        if (typeof value === "boolean")
            return value;
        const text = readText(value);
        return text === "true" ? true : text === "false" ? false : null;
    }
    const text = readText(value);
    if (type === "number")
        return text !== undefined && isFinite(Number(text)) ? Number(text) : null;
    return text === undefined ? null : truncate(text, MAX_CATALOG_STRING_CHARS);
}

const transform = catalogItem(source, "agent.activity.updated", agent_activity_updated, settings);

return transform(payload, headers);
