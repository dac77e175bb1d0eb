// zendesk/ticket.organization_changed: Braze Data Transformation for zendesk "ticket.organization_changed"
// Destination: POST /users/track
// Writes: custom event "Zendesk Ticket Updated" (_update_existing_only true)
// Settings baked in from transforms/settings.ts:
//   (none)
// braze-transforms 0.1.0, code sha256 01f331b610becba6
// Generated from transforms/zendesk/ticket.organization_changed.ts: edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

function asRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? value
        : undefined;
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

class TransformError extends Error {
    constructor(name, message) {
        super(message);
        this.name = name;
    }
}
function at(origin) {
    return `${origin.source.name} ${origin.event}`;
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

function eventBody(source, event, payload) {
    const body = payloadObject(payload);
    const received = source.eventOf(body);
    if (received !== event)
        throw new MisroutedEventError(source, [event], body);
    return body;
}

function disabledEvent(source, event, setting) {
    return (payload) => {
        eventBody(source, event, payload);
        throw new NotWrittenError({ source, event }, `the event is off (set ${setting}: true to write it)`);
    };
}

const transform = disabledEvent(source, "ticket.organization_changed", "settings.sources.zendesk.events[\"ticket.organization_changed\"].enabled");

return transform(payload, headers);
