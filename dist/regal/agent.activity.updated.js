// regal/agent.activity.updated: Braze Data Transformation for regal "agent.activity.updated"
// Destination: PUT /catalogs/{catalog_name}/items
// Writes: catalog "regal_agents" item, id made from properties.agent_email
// Settings baked in from transforms/settings.ts:
//   catalogs: {"agents":"regal_agents"}
//   events: "documented defaults"
// braze-transforms 0.1.0, code sha256 e9515a95ccd1c06c
// Generated from transforms/regal/agent.activity.updated.ts: edit that file, not this one.
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

/*
 * The primitives shared by the property and attribute policies
 * (properties.ts, attributes.ts), so both treat keys, long strings and
 * scalars the same way.
 */
/** Braze's limit on string values and on key names, in UTF-16 code units. */
const MAX_CHARS = 255;
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
    catalogs: { agents: "regal_agents" }};

function agentCatalogName() {
    return settings.catalogs.agents;
}

/** Braze catalog strings may be up to 5,000 characters. */
const MAX_CATALOG_CHARS = 5000;
const MAX_ID_CHARS = 250;
/**
 * One catalog item per event (PUT creates or replaces it). Only the listed
 * fields are written: Braze rejects a request naming a field the catalog
 * does not define, so unknown properties are left out by design.
 */
function catalogItem(event, options) {
    const fieldList = Object.keys(options.fields).map((field) => `${field} (${options.fields[field]})`);
    const mapping = {
        writes: [`catalog "${options.catalog}" item, id made from properties.${options.idFrom}`],
        fields: `${fieldList.join(", ")}, ${options.timeField} (time); other properties are not written (a catalog takes only the fields it defines)`,
    };
    return regalTransform(event, "PUT /catalogs/{catalog_name}/items", mapping, (regal) => {
        const id = catalogId(readText(regal.properties[options.idFrom]));
        if (!id)
            throw new MissingIdentityError(event, [`properties.${options.idFrom}`], "catalog item id");
        const item = { id };
        for (const field of Object.keys(options.fields))
            item[field] = coerce(regal.properties[field], options.fields[field]);
        item[options.timeField] = regal.time;
        return { catalog_name: options.catalog, items: [item] };
    });
}
/**
 * Catalog ids allow only letters, digits, "-" and "_": "Agent@Brand.com"
 * becomes "agent_at_brand_com", readable in the catalog and stable per agent.
 */
function catalogId(text) {
    if (!text)
        return undefined;
    const id = text.toLowerCase().replace(/@/g, "_at_").replace(/[^a-z0-9_-]/g, "_").slice(0, MAX_ID_CHARS);
    return /[a-z0-9]/.test(id) ? id : undefined;
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
    return text === undefined ? null : truncate(text, MAX_CATALOG_CHARS);
}

/** An agent's status changed (e.g. Available → Offline). No contact: the agent's item in a Braze catalog is updated. */
var agent_activity_updated = catalogItem("agent.activity.updated", {
    catalog: agentCatalogName(),
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
});

return agent_activity_updated(payload, headers);
