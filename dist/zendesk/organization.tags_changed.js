// zendesk/organization.tags_changed: Braze Data Transformation for zendesk "organization.tags_changed"
// Destination: PUT /catalogs/{catalog_name}/items
// Writes: catalog "zendesk_organizations" item, id made from properties.id
// Settings baked in from transforms/settings.ts:
//   events["organization.tags_changed"]: {"catalogName":"zendesk_organizations"}
// braze-transforms 0.1.0, code sha256 dd1d377044f64fe5
// Generated from transforms/zendesk/organization.tags_changed.ts: edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

var organization_tags_changed = {
    idFrom: "id",
    fields: { name: "string", external_id: "string", group_id: "string", shared_tickets: "boolean", shared_comments: "boolean", created_at: "time", zendesk_event_id: "string" },
    timeField: "updated_at",
};

var settings = {
    events: {
        "organization.tags_changed": {
            catalogName: "zendesk_organizations",
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
function setOwn(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

const TYPE_PREFIX = /^zen:event-type[:/]/;
const ENUM_FIELDS = ["status", "priority", "type", "role"];
const ENUM_VALUE = /^[A-Z][A-Z_]*$/;
const CUSTOMER_ROLE = "end-user";
var source = {
    name: "Zendesk",
    eventField: "type",
    eventOf: (body) => (typeof body.type === "string" ? body.type.trim().replace(TYPE_PREFIX, "") : body.type),
    read(body, event) {
        const domain = event.split(".")[0];
        const detail = cleaned(asRecord(body.detail) || {});
        const change = changeOf(domain === "ticket", asRecord(body.event) || {});
        const times = [body.time, detail.updated_at];
        if (domain === "organization")
            return { properties: { ...detail, zendesk_event_id: body.id }, identity: {}, times };
        const properties = { detail, event: change, zendesk_event_id: body.id };
        if (domain === "ticket")
            return { properties, identity: ticketIdentity(detail, change), times };
        const role = detail.role;
        const refusal = role !== undefined && role !== CUSTOMER_ROLE ? `the user's role is ${JSON.stringify(role)}: agents and admins are not customers` : undefined;
        return { properties, identity: userIdentity(detail), times, refusal };
    },
};
function ticketIdentity(detail, change) {
    const requester = { field: "detail.requester_id", value: detail.requester_id };
    const comment = asRecord(change.comment);
    const author = comment && asRecord(comment.author);
    const customerAuthor = author && author.is_staff === false ? [{ field: "event.comment.author.id", value: author.id }] : [];
    return { user_alias: customerAuthor.concat(requester) };
}
function userIdentity(detail) {
    return {
        external_id: [{ field: "detail.external_id", value: detail.external_id }],
        email: [{ field: "detail.email", value: detail.email }],
        user_alias: [{ field: "detail.id", value: detail.id }],
    };
}
function changeOf(ofTicket, source) {
    const change = {};
    for (const key of Object.keys(source))
        if (key !== "meta")
            setOwn(change, key, source[key]);
    if (ofTicket) {
        for (const key of ["current", "previous"]) {
            const value = change[key];
            if (typeof value === "string" && ENUM_VALUE.test(value.trim()))
                change[key] = lowerCase(value);
        }
    }
    if (change.satisfaction_reason_code === "0")
        delete change.satisfaction_reason_code;
    const score = asRecord(change.satisfaction_score);
    if (score)
        change.satisfaction_score = { ...score, score: lowerCase(score.score) };
    const added = asRecord(source.added);
    const removed = asRecord(source.removed);
    if (added && change.tags_added === undefined)
        change.tags_added = added.tags;
    if (removed && change.tags_removed === undefined)
        change.tags_removed = removed.tags;
    return change;
}
function cleaned(detail) {
    const result = {};
    for (const key of Object.keys(detail)) {
        const value = detail[key];
        const text = typeof value === "string" ? value.trim() : value;
        const none = text === null || text === "" || text === "null" || (text === "0" && key !== "external_id" && /(^|_)id$/.test(key));
        if (none)
            continue;
        const enumerated = ENUM_FIELDS.indexOf(key) >= 0 ? lowerCase(value) : value;
        setOwn(result, key, key === "role" && typeof enumerated === "string" ? enumerated.replace(/_/g, "-") : enumerated);
    }
    return result;
}
function lowerCase(value) {
    return typeof value === "string" ? value.trim().toLowerCase() : value;
}

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

const transform = catalogItem(source, "organization.tags_changed", organization_tags_changed, settings);

return transform(payload, headers);
