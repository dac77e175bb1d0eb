// zendesk/router: Braze Data Transformation routing 32 zendesk events on payload.type:
//   ticket.agent_assignment_changed, ticket.brand_changed, ticket.comment_added, ticket.created,
//   ticket.csat_received, ticket.csat_requested, ticket.custom_field_changed,
//   ticket.custom_status_changed, ticket.form_changed, ticket.group_assignment_changed,
//   ticket.marked_as_spam, ticket.merged, ticket.organization_changed, ticket.permanently_deleted,
//   ticket.priority_changed, ticket.soft_deleted, ticket.status_changed, ticket.tags_changed,
//   ticket.type_changed, ticket.undeleted, user.active_changed, user.created,
//   user.custom_field_changed, user.deleted, user.external_id_changed, user.identity_changed,
//   user.identity_created, user.identity_deleted, user.name_changed, user.suspended_changed,
//   user.tags_changed, user.time_zone_changed
// Destination: POST /users/track
// Settings baked in from transforms/settings.ts:
//   identity: {"identifierOrder":["external_id","email","user_alias"],"phoneIdentity":{"as":"user_alias","aliasLabel":"phone"},"aliasLabel":"zendesk_user_id"}
//   events["ticket.comment_added"]: {"brazeEventNames":["Zendesk Agent Replied","Zendesk Customer Replied"],"updateExistingOnly":true}
//   events["ticket.created"]: {"brazeEventName":"Zendesk Ticket Created","updateExistingOnly":true}
//   events["ticket.csat_received"]: {"brazeEventNames":["Zendesk CSAT Received"],"updateExistingOnly":true}
//   events["ticket.csat_requested"]: {"brazeEventNames":["Zendesk CSAT Requested"],"updateExistingOnly":true}
//   events["ticket.marked_as_spam"]: {"brazeEventNames":["Zendesk Ticket Removed"],"updateExistingOnly":true}
//   events["ticket.merged"]: {"brazeEventNames":["Zendesk Ticket Removed"],"updateExistingOnly":true}
//   events["ticket.permanently_deleted"]: {"brazeEventNames":["Zendesk Ticket Removed"],"updateExistingOnly":true}
//   events["ticket.soft_deleted"]: {"brazeEventNames":["Zendesk Ticket Removed"],"updateExistingOnly":true}
//   events["ticket.status_changed"]: {"brazeEventNames":["Zendesk Ticket Status Changed","Zendesk Ticket Solved"],"updateExistingOnly":true}
//   events["ticket.undeleted"]: {"brazeEventNames":["Zendesk Ticket Restored"],"updateExistingOnly":true}
//   events["user.active_changed"]: {"brazeEventNames":["Zendesk User Deleted"],"updateExistingOnly":true}
//   events["user.created"]: {"brazeEventNames":["Zendesk User Created"],"updateExistingOnly":true}
//   events["user.custom_field_changed"]: {"attributeNames":{},"updateExistingOnly":true}
//   events["user.deleted"]: {"brazeEventNames":["Zendesk User Deleted"],"updateExistingOnly":true}
//   events["user.external_id_changed"]: {"updateExistingOnly":true}
//   events["user.identity_changed"]: {"brazeEventNames":["Zendesk Identity Changed"],"updateExistingOnly":true}
//   events["user.identity_created"]: {"brazeEventNames":["Zendesk Identity Changed"],"updateExistingOnly":true}
//   events["user.identity_deleted"]: {"brazeEventNames":["Zendesk Identity Changed"],"updateExistingOnly":true}
//   events["user.name_changed"]: {"updateExistingOnly":true}
//   events["user.suspended_changed"]: {"updateExistingOnly":true}
//   events["user.tags_changed"]: {"updateExistingOnly":true}
//   events["user.time_zone_changed"]: {"updateExistingOnly":true}
// braze-transforms 0.1.0, code sha256 d7608736eac3e508
// Generated from transforms/zendesk/ (generated from every event module): edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

const TICKET_PROPERTIES = {
    ticket_id: "detail.id",
    status: "detail.status",
    priority: "detail.priority",
    type: "detail.type",
    channel: "detail.via.channel",
    brand_id: "detail.brand_id",
    group_id: "detail.group_id",
    organization_id: "detail.organization_id",
    form_id: "detail.form_id",
    tags: "detail.tags",
    zendesk_event_id: "zendesk_event_id",
};

var ticket_comment_added = {
    brazeEvents: [
        { name: "Zendesk Agent Replied", when: { "event.comment.is_public": true, "event.comment.author.is_staff": true } },
        { name: "Zendesk Customer Replied", when: { "event.comment.is_public": true, "event.comment.author.is_staff": false } },
    ],
    properties: { ...TICKET_PROPERTIES, comment_id: "event.comment.id" },
};

var ticket_created = {
    properties: TICKET_PROPERTIES,
};

const MAX_STRING_CHARS = 255;
const MAX_EVENT_PROPERTIES = 256;
const MAX_NESTED_BYTES = 100 * 1024;
const RESERVED_PROPERTY_KEYS = ["time", "event_name"];
const OPERATOR_KEYS = ["inc", "add", "remove"];
const NESTED_KEY_FORBIDDEN = /[\s.$]/;
const MAX_ARRAY_ATTRIBUTE_ITEMS = 25;
const MAX_EXTERNAL_ID_BYTES = 997;
const EMAIL_PATTERN = /^[^\s@"'<>(),;:\\[\]]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const LATEST_TIME_MS = Date.UTC(3000, 0, 1);

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
function hasOwn(target, key) {
    return Object.prototype.hasOwnProperty.call(target, key);
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
function isUnknown(value) {
    return value === undefined || value === null || value === "null";
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

const EVENT_TIME = { eventTime: true };
function tableValues(table, properties, time) {
    const values = {};
    for (const name of Object.keys(table)) {
        const value = sourceValue(table[name], properties, time);
        if (!isUnknown(value))
            setOwn(values, name, value);
    }
    return values;
}
function sourceValue(source, properties, time) {
    if (typeof source === "string")
        return readPath(properties, source);
    if ("eventTime" in source)
        return time;
    if ("value" in source)
        return source.value;
    return readPath(properties, source.when) === true ? readPath(properties, source.from) : undefined;
}
function tableFields(table) {
    const fields = [];
    for (const name of Object.keys(table)) {
        const source = table[name];
        const path = typeof source === "string" ? source : "from" in source ? source.from : undefined;
        if (path !== undefined)
            fields.push(path.split(".")[0]);
    }
    return fields;
}
function conditionText(condition) {
    return Object.keys(condition)
        .map((path) => `${path} is ${JSON.stringify(condition[path])}`)
        .join(" and ");
}
function holds(condition, properties) {
    for (const path of Object.keys(condition)) {
        if (readPath(properties, path) !== condition[path])
            return false;
    }
    return true;
}

var ticket_csat_received = {
    brazeEvents: [{ name: "Zendesk CSAT Received" }],
    properties: {
        ...TICKET_PROPERTIES,
        score: "event.satisfaction_score.score",
        reason_code: "event.satisfaction_reason_code",
        comment: "event.satisfaction_score.comment",
    },
    attributes: { zendesk_last_csat: "event.satisfaction_score.score", zendesk_last_csat_at: EVENT_TIME, zendesk_event_id: "zendesk_event_id" },
};

var ticket_csat_requested = {
    brazeEvents: [{ name: "Zendesk CSAT Requested" }],
    properties: TICKET_PROPERTIES,
};

var ticket_marked_as_spam = {
    brazeEvents: [{ name: "Zendesk Ticket Removed" }],
    properties: { ...TICKET_PROPERTIES, reason: { value: "spam" } },
};

var ticket_merged = {
    brazeEvents: [{ name: "Zendesk Ticket Removed" }],
    properties: { ...TICKET_PROPERTIES, reason: { value: "merged" }, target_ticket_id: "event.target_ticket_id" },
};

var ticket_permanently_deleted = {
    brazeEvents: [{ name: "Zendesk Ticket Removed" }],
    properties: { ...TICKET_PROPERTIES, reason: { value: "permanently_deleted" } },
};

var ticket_soft_deleted = {
    brazeEvents: [{ name: "Zendesk Ticket Removed" }],
    properties: { ...TICKET_PROPERTIES, reason: { value: "deleted" } },
};

var ticket_status_changed = {
    brazeEvents: [{ name: "Zendesk Ticket Status Changed" }, { name: "Zendesk Ticket Solved", when: { "event.current": "solved" } }],
    properties: { ...TICKET_PROPERTIES, status: "event.current", previous_status: "event.previous" },
};

var ticket_undeleted = {
    brazeEvents: [{ name: "Zendesk Ticket Restored" }],
    properties: TICKET_PROPERTIES,
};

var user_active_changed = {
    brazeEvents: [{ name: "Zendesk User Deleted", when: { "event.current": false } }],
    properties: { zendesk_event_id: "zendesk_event_id" },
    attributes: { zendesk_user_active: "event.current", zendesk_event_id: "zendesk_event_id" },
};

var user_created = {
    properties: { zendesk_user_id: "detail.id", zendesk_event_id: "zendesk_event_id" },
    brazeEvents: [{ name: "Zendesk User Created" }],
    attributes: {
        zendesk_user_id: "detail.id",
        zendesk_user_created_at: "detail.created_at",
        zendesk_organization_id: "detail.organization_id",
        zendesk_event_id: "zendesk_event_id",
    },
};

var user_custom_field_changed = {
    attributes: { zendesk_event_id: "zendesk_event_id" },
    namedAttribute: { names: "userFields", idFrom: "event.custom_field.id", valueFrom: "event.current" },
};

var user_deleted = {
    brazeEvents: [{ name: "Zendesk User Deleted" }],
    properties: { zendesk_event_id: "zendesk_event_id" },
    attributes: { zendesk_user_active: { value: false }, zendesk_event_id: "zendesk_event_id" },
};

var user_external_id_changed = {
    identity: { external_id: ["event.current"] },
    attributes: { zendesk_user_id: "detail.id", zendesk_event_id: "zendesk_event_id" },
};

var user_identity_changed = {
    brazeEvents: [{ name: "Zendesk Identity Changed" }],
    properties: { change: { value: "changed" }, identity_type: "event.current.type", primary: "event.current.primary", zendesk_event_id: "zendesk_event_id" },
};

var user_identity_created = {
    brazeEvents: [{ name: "Zendesk Identity Changed" }],
    properties: { change: { value: "created" }, identity_type: "event.identity.type", primary: "event.identity.primary", zendesk_event_id: "zendesk_event_id" },
};

var user_identity_deleted = {
    brazeEvents: [{ name: "Zendesk Identity Changed" }],
    properties: { change: { value: "deleted" }, identity_type: "event.identity.type", primary: "event.identity.primary", zendesk_event_id: "zendesk_event_id" },
};

var user_name_changed = {
    attributes: { zendesk_name: "event.current", zendesk_event_id: "zendesk_event_id" },
};

var user_suspended_changed = {
    attributes: { zendesk_user_suspended: "event.current", zendesk_event_id: "zendesk_event_id" },
};

var user_tags_changed = {
    attributes: { zendesk_event_id: "zendesk_event_id" },
    arrays: { zendesk_tags: { add: "event.tags_added", remove: "event.tags_removed" } },
};

var user_time_zone_changed = {
    attributes: { zendesk_time_zone: "event.current", zendesk_event_id: "zendesk_event_id" },
};

var settings = {
    identity: {
        identifierOrder: ["external_id", "email", "user_alias"],
        phoneIdentity: {
            as: "user_alias",
            aliasLabel: "phone",
        },
        aliasLabel: "zendesk_user_id",
    },
    events: {
        "ticket.comment_added": {
            brazeEventNames: ["Zendesk Agent Replied", "Zendesk Customer Replied"],
            updateExistingOnly: true,
        },
        "ticket.created": {
            brazeEventName: "Zendesk Ticket Created",
            updateExistingOnly: true,
        },
        "ticket.csat_received": {
            brazeEventNames: ["Zendesk CSAT Received"],
            updateExistingOnly: true,
        },
        "ticket.csat_requested": {
            brazeEventNames: ["Zendesk CSAT Requested"],
            updateExistingOnly: true,
        },
        "ticket.marked_as_spam": {
            brazeEventNames: ["Zendesk Ticket Removed"],
            updateExistingOnly: true,
        },
        "ticket.merged": {
            brazeEventNames: ["Zendesk Ticket Removed"],
            updateExistingOnly: true,
        },
        "ticket.permanently_deleted": {
            brazeEventNames: ["Zendesk Ticket Removed"],
            updateExistingOnly: true,
        },
        "ticket.soft_deleted": {
            brazeEventNames: ["Zendesk Ticket Removed"],
            updateExistingOnly: true,
        },
        "ticket.status_changed": {
            brazeEventNames: ["Zendesk Ticket Status Changed", "Zendesk Ticket Solved"],
            updateExistingOnly: true,
        },
        "ticket.undeleted": {
            brazeEventNames: ["Zendesk Ticket Restored"],
            updateExistingOnly: true,
        },
        "user.active_changed": {
            brazeEventNames: ["Zendesk User Deleted"],
            updateExistingOnly: true,
        },
        "user.created": {
            brazeEventNames: ["Zendesk User Created"],
            updateExistingOnly: true,
        },
        "user.custom_field_changed": {
            attributeNames: {},
            updateExistingOnly: true,
        },
        "user.deleted": {
            brazeEventNames: ["Zendesk User Deleted"],
            updateExistingOnly: true,
        },
        "user.external_id_changed": {
            updateExistingOnly: true,
        },
        "user.identity_changed": {
            brazeEventNames: ["Zendesk Identity Changed"],
            updateExistingOnly: true,
        },
        "user.identity_created": {
            brazeEventNames: ["Zendesk Identity Changed"],
            updateExistingOnly: true,
        },
        "user.identity_deleted": {
            brazeEventNames: ["Zendesk Identity Changed"],
            updateExistingOnly: true,
        },
        "user.name_changed": {
            updateExistingOnly: true,
        },
        "user.suspended_changed": {
            updateExistingOnly: true,
        },
        "user.tags_changed": {
            updateExistingOnly: true,
        },
        "user.time_zone_changed": {
            updateExistingOnly: true,
        },
    },
};

const NOT_WRITTEN = {
    "ticket.attachment_linked_to_comment": "comment content and attachments stay in Zendesk",
    "ticket.attachment_redacted_from_comment": "comment content and attachments stay in Zendesk",
    "ticket.comment_made_private": "comment content stays in Zendesk",
    "ticket.comment_redacted": "comment content stays in Zendesk",
    "ticket.subject_changed": "a ticket's free text (subject) stays in Zendesk",
    "ticket.description_changed": "a ticket's free text (description) stays in Zendesk",
    "ticket.external_id_changed": "a ticket's external id is the ticket's, not the requester's",
    "ticket.requester_changed": "the new requester is known only by a Zendesk id; the next ticket event is written to them",
    "ticket.submitter_changed": "the submitter is often an agent acting for the customer",
    "ticket.email_ccs_changed": "CCs and followers are other people than the customer",
    "ticket.followers_changed": "CCs and followers are other people than the customer",
    "ticket.problem_link_changed": "internal ticket bookkeeping",
    "ticket.task_due_at_changed": "internal ticket bookkeeping",
    "ticket.next_sla_breach_changed": "service-level bookkeeping, not customer activity",
    "ticket.ola_policy_changed": "service-level bookkeeping, not customer activity",
    "ticket.schedule_changed": "service-level bookkeeping, not customer activity",
    "ticket.sla_policy_changed": "service-level bookkeeping, not customer activity",
    "user.alias_changed": "an agent-facing display name, not the customer's",
    "user.notes_changed": "agents' notes stay in Zendesk",
    "user.details_changed": "agents' notes stay in Zendesk",
    "user.password_changed": "account security stays in Zendesk",
    "user.photo_changed": "nothing Braze can use",
    "user.last_login_changed": "help-center sign-ins are not tracked as customer activity",
    "user.role_changed": "roles concern agents; a customer's profile does not change",
    "user.custom_role_changed": "roles concern agents; a customer's profile does not change",
    "user.default_group_changed": "groups concern agents",
    "user.group_membership_created": "groups concern agents",
    "user.group_membership_deleted": "groups concern agents",
    "user.only_private_comments_changed": "an agent permission",
    "user.organization_membership_created": "the organization is known only by a Zendesk id; user.created and organization events carry it",
    "user.organization_membership_deleted": "the organization is known only by a Zendesk id; user.created and organization events carry it",
    "user.merged": "Braze profiles are merged in Braze: the surviving Zendesk user's next event is written to it",
    "article.*": "help-center activity names no customer",
    "community_post.*": "community activity names a Zendesk user id only, not a customer Braze knows",
    "agent.*": "agent availability is not customer activity",
    "omnichannel_config.*": "routing configuration is not customer activity",
    "messaging_ticket.*": "a messaging event's actor id is not known to be a Zendesk user id (it can be a bot, as in Zendesk's example)",
};

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
const notWritten = (event) => {
    const domain = event.split(".")[0];
    return hasOwn(NOT_WRITTEN, event) ? NOT_WRITTEN[event] : hasOwn(NOT_WRITTEN, `${domain}.*`) ? NOT_WRITTEN[`${domain}.*`] : undefined;
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
class UnmappedValueError extends TransformError {
    static get NAME() {
        return "UnmappedValueError";
    }
    constructor(origin, field, value, known, where) {
        const expected = known.length > 0 ? `expected one of ${known.join(", ")}${where ? ` (${where})` : ""}` : `and ${where || "the settings"} maps no value yet`;
        super(UnmappedValueError.NAME, `${at(origin)}: ${field} is ${shown(value)}, ${expected}`);
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
        put$1(target, freeKey(target, brazeKey(key, reserved)), source[key], depth);
    return target;
}
function put$1(target, key, value, depth) {
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
            put$1(fitted, key, text, 0);
        if (jsonBytes(fitted) <= MAX_NESTED_BYTES)
            break;
    }
    return fitted;
}
function isNested(value) {
    return typeof value === "object" && value !== null;
}

const PROFILE_STRINGS = ["first_name", "last_name", "email", "phone", "country", "home_city", "language", "time_zone"];
const PROTECTED_KEYS = [
    "external_id", "user_alias", "braze_id", "app_id", "_update_existing_only", "push_token_import",
    "subscription_groups", "email_subscribe", "push_subscribe", "dob", "gender",
];
const NESTED_KEY_REPLACEMENT = "_";
const FORBIDDEN_IN_NESTED_KEYS = new RegExp(NESTED_KEY_FORBIDDEN.source, "g");
function toAttributes(source) {
    const target = {};
    for (const key of Object.keys(source)) {
        const name = brazeKey(key, PROTECTED_KEYS);
        const value = source[key];
        const profileString = PROFILE_STRINGS.indexOf(name) >= 0;
        if (profileString && typeof value === "string" && !isLongText(value) && value !== "null")
            target[freeKey(target, name)] = value;
        else
            put(target, freeKey(target, profileString ? `_${name}` : name), value);
    }
    return target;
}
function put(target, key, value) {
    if (isLongText(value))
        return putLongText(target, key, value);
    if (Array.isArray(value))
        return putArray(target, key, value);
    const normalized = topLevelValue(value);
    if (isEmptyObject(normalized) && !isEmptyObject(value))
        return;
    if (typeof normalized === "object" && normalized !== null && jsonBytes(normalized) > MAX_NESTED_BYTES) {
        put(target, key, jsonText(normalized));
    }
    else {
        target[key] = normalized;
    }
}
function putArray(target, key, value) {
    const items = value.map(arrayItem);
    const ofObjects = items.length > 0 && items.every((item) => typeof item === "object");
    if (items.some((item) => typeof item === "object") && jsonBytes(items) > MAX_NESTED_BYTES)
        return put(target, key, jsonText(items));
    if (ofObjects || items.length <= MAX_ARRAY_ATTRIBUTE_ITEMS) {
        target[key] = items;
        return;
    }
    target[key] = items.slice(0, MAX_ARRAY_ATTRIBUTE_ITEMS);
    putOriginalLength(target, key, items.length);
}
function isEmptyObject(value) {
    const record = asRecord(value);
    return record !== undefined && Object.keys(record).length === 0;
}
function topLevelValue(value) {
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
    for (const key of Object.keys(source)) {
        const value = nestedValue(source[key], depth + 1);
        if (value !== null)
            target[freeKey(target, nestedKey(key))] = value;
    }
    return target;
}
function nestedValue(value, depth) {
    if (typeof value !== "object" || value === null)
        return scalarValue(value);
    if (depth >= MAX_PROPERTY_DEPTH)
        return truncate(jsonText(value));
    if (Array.isArray(value))
        return value.map((item) => nestedValue(item, depth + 1)).filter((item) => item !== null);
    return nestedObject(value, depth);
}
function nestedKey(key) {
    const name = key.trim().replace(FORBIDDEN_IN_NESTED_KEYS, NESTED_KEY_REPLACEMENT);
    if (name === "")
        return NESTED_KEY_REPLACEMENT;
    return truncate(OPERATOR_KEYS.indexOf(name) >= 0 ? `_${name}` : ordinaryKey(name));
}

function eventObject(webhook, identity, name, updateExistingOnly) {
    return { ...identity, _update_existing_only: updateExistingOnly, name, time: webhook.time, properties: toEventProperties(webhook.properties) };
}
function attributesObject(identity, updateExistingOnly, attributes) {
    const values = toAttributes(attributes);
    for (const key of Object.keys(identity)) {
        const value = values[key];
        if (value === undefined)
            continue;
        delete values[key];
        if (value !== identity[key])
            values[freeKey(values, `_${key}`)] = value;
    }
    return { ...identity, _update_existing_only: updateExistingOnly, ...values };
}
function withAttributes(identity, updateExistingOnly, attributes, request) {
    return Object.keys(attributes).length === 0 ? request : { attributes: [attributesObject(identity, updateExistingOnly, attributes)], ...request };
}

function attributeUpdate(source, event, mapping, settings) {
    const own = settings.events[event];
    return (payload) => {
        const webhook = readWebhook(source, event, payload, mapping);
        const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
        const attributes = mapping.attributes ? tableValues(mapping.attributes, webhook.properties, webhook.time) : {};
        if (mapping.changes)
            putChanges(attributes, mapping.changes, webhook.properties);
        if (mapping.namedAttribute)
            putNamed(attributes, { source, event }, mapping.namedAttribute, own, webhook.properties);
        const object = attributesObject(identity, own.updateExistingOnly, attributes);
        if (mapping.arrays)
            putArrayChanges(object, mapping.arrays, webhook.properties);
        return { attributes: [object] };
    };
}
function putChanges(attributes, changes, properties) {
    const all = asRecord(readPath(properties, changes.from)) || {};
    const nested = changes.nested || [];
    for (const field of Object.keys(all)) {
        if (nested.indexOf(field) < 0)
            putNewValue(attributes, field, all[field], changes);
        else {
            const inner = asRecord(all[field]) || {};
            for (const innerField of Object.keys(inner))
                putNewValue(attributes, innerField, inner[innerField], { newValue: changes.newValue });
        }
    }
}
function putNewValue(attributes, field, value, changes) {
    const change = asRecord(value);
    if (!change || !hasOwn(change, changes.newValue))
        return;
    const rename = changes.rename || {};
    setOwn(attributes, hasOwn(rename, field) ? rename[field] : field, change[changes.newValue]);
}
function putNamed(attributes, origin, named, own, properties) {
    const id = readText(readPath(properties, named.idFrom));
    const names = own.attributeNames;
    if (id === undefined || !hasOwn(names, id)) {
        throw new UnmappedValueError(origin, `properties.${named.idFrom}`, id, Object.keys(names), `the settings' attributeNames.${named.names}`);
    }
    const value = readPath(properties, named.valueFrom);
    setOwn(attributes, names[id], value === undefined ? null : value);
}
function putArrayChanges(object, arrays, properties) {
    for (const attribute of Object.keys(arrays)) {
        const change = arrays[attribute];
        const operation = {};
        if (change.add)
            putItems(operation, "add", readPath(properties, change.add));
        if (change.remove)
            putItems(operation, "remove", readPath(properties, change.remove));
        if (Object.keys(operation).length > 0)
            setOwn(object, attribute, operation);
    }
}
function putItems(operation, key, value) {
    const items = [];
    for (const item of Array.isArray(value) ? value : []) {
        const text = readText(item);
        if (text !== undefined && items.indexOf(truncate(text)) < 0)
            items.push(truncate(text));
    }
    if (items.length > 0)
        operation[key] = items.slice(0, MAX_ARRAY_ATTRIBUTE_ITEMS);
}

function mappedCustomEvent(source, event, mapping, settings) {
    const own = settings.events[event];
    return tracked(source, event, mapping, settings, (webhook, identity) => {
        const events = mappedEvents(webhook, identity, mapping, own);
        if (events.length === 0)
            throw new NotWrittenError({ source, event }, noRuleApplies(mapping, own));
        return { events };
    });
}
function mappedCustomEventWithAttributes(source, event, mapping, settings) {
    const own = settings.events[event];
    return tracked(source, event, mapping, settings, (webhook, identity) => {
        const events = mappedEvents(webhook, identity, mapping, own);
        const attributes = profileAttributes(webhook, mapping);
        if (events.length === 0 && Object.keys(attributes).length === 0)
            throw new NotWrittenError({ source, event }, noRuleApplies(mapping, own));
        return withAttributes(identity, own.updateExistingOnly, attributes, events.length > 0 ? { events } : {});
    });
}
function mappedEvents(webhook, identity, mapping, own) {
    const properties = mapping.properties ? tableValues(mapping.properties, webhook.properties, webhook.time) : webhook.properties;
    return applyingNames(mapping, own, webhook.properties).map((name) => eventObject({ time: webhook.time, properties }, identity, name, own.updateExistingOnly));
}
function tracked(source, event, mapping, settings, complete) {
    return (payload) => {
        const webhook = readWebhook(source, event, payload, mapping);
        return complete(webhook, resolveIdentity({ source, event }, webhook.identity, settings.identity));
    };
}
function applyingNames(mapping, own, properties) {
    const rules = mapping.brazeEvents;
    if (!rules)
        return [own.brazeEventName];
    const names = [];
    rules.forEach((rule, index) => {
        if (!rule.when || holds(rule.when, properties))
            names.push(own.brazeEventNames[index]);
    });
    return names;
}
function noRuleApplies(mapping, own) {
    const rules = (mapping.brazeEvents || []).map((rule, index) => `${own.brazeEventNames[index]} when ${conditionText(rule.when || {})}`);
    return `none of its Braze events applies (${rules.join("; ")})`;
}
function profileAttributes(webhook, mapping) {
    const table = mapping.attributes || {};
    const attributes = tableValues(table, webhook.properties, webhook.time);
    if (mapping.otherPropertiesAsAttributes !== true)
        return attributes;
    const read = tableFields(table);
    for (const key of Object.keys(webhook.properties)) {
        if (read.indexOf(key) < 0 && !hasOwn(attributes, key) && !isUnknown(webhook.properties[key]))
            setOwn(attributes, key, webhook.properties[key]);
    }
    return attributes;
}

function router(source, byEvent, notWritten) {
    const events = Object.keys(byEvent).sort();
    return (payload, headers) => {
        const body = payloadObject(payload);
        const event = source.eventOf(body);
        const transform = typeof event === "string" && Object.prototype.hasOwnProperty.call(byEvent, event) ? byEvent[event] : undefined;
        if (transform)
            return transform(payload, headers);
        const why = typeof event === "string" && notWritten ? notWritten(event) : undefined;
        if (why !== undefined)
            throw new NotWrittenError({ source, event: event }, why);
        throw new MisroutedEventError(source, events, body);
    };
}

function disabledEvent(source, event, setting) {
    return (payload) => {
        eventBody(source, event, payload);
        throw new NotWrittenError({ source, event }, `the event is off (set ${setting}: true to write it)`);
    };
}

const transform = router(source, {
  "ticket.agent_assignment_changed": disabledEvent(source, "ticket.agent_assignment_changed", "settings.sources.zendesk.events[\"ticket.agent_assignment_changed\"].enabled"),
  "ticket.brand_changed": disabledEvent(source, "ticket.brand_changed", "settings.sources.zendesk.events[\"ticket.brand_changed\"].enabled"),
  "ticket.comment_added": mappedCustomEvent(source, "ticket.comment_added", ticket_comment_added, settings),
  "ticket.created": mappedCustomEvent(source, "ticket.created", ticket_created, settings),
  "ticket.csat_received": mappedCustomEventWithAttributes(source, "ticket.csat_received", ticket_csat_received, settings),
  "ticket.csat_requested": mappedCustomEvent(source, "ticket.csat_requested", ticket_csat_requested, settings),
  "ticket.custom_field_changed": disabledEvent(source, "ticket.custom_field_changed", "settings.sources.zendesk.events[\"ticket.custom_field_changed\"].enabled"),
  "ticket.custom_status_changed": disabledEvent(source, "ticket.custom_status_changed", "settings.sources.zendesk.events[\"ticket.custom_status_changed\"].enabled"),
  "ticket.form_changed": disabledEvent(source, "ticket.form_changed", "settings.sources.zendesk.events[\"ticket.form_changed\"].enabled"),
  "ticket.group_assignment_changed": disabledEvent(source, "ticket.group_assignment_changed", "settings.sources.zendesk.events[\"ticket.group_assignment_changed\"].enabled"),
  "ticket.marked_as_spam": mappedCustomEvent(source, "ticket.marked_as_spam", ticket_marked_as_spam, settings),
  "ticket.merged": mappedCustomEvent(source, "ticket.merged", ticket_merged, settings),
  "ticket.organization_changed": disabledEvent(source, "ticket.organization_changed", "settings.sources.zendesk.events[\"ticket.organization_changed\"].enabled"),
  "ticket.permanently_deleted": mappedCustomEvent(source, "ticket.permanently_deleted", ticket_permanently_deleted, settings),
  "ticket.priority_changed": disabledEvent(source, "ticket.priority_changed", "settings.sources.zendesk.events[\"ticket.priority_changed\"].enabled"),
  "ticket.soft_deleted": mappedCustomEvent(source, "ticket.soft_deleted", ticket_soft_deleted, settings),
  "ticket.status_changed": mappedCustomEvent(source, "ticket.status_changed", ticket_status_changed, settings),
  "ticket.tags_changed": disabledEvent(source, "ticket.tags_changed", "settings.sources.zendesk.events[\"ticket.tags_changed\"].enabled"),
  "ticket.type_changed": disabledEvent(source, "ticket.type_changed", "settings.sources.zendesk.events[\"ticket.type_changed\"].enabled"),
  "ticket.undeleted": mappedCustomEvent(source, "ticket.undeleted", ticket_undeleted, settings),
  "user.active_changed": mappedCustomEventWithAttributes(source, "user.active_changed", user_active_changed, settings),
  "user.created": mappedCustomEventWithAttributes(source, "user.created", user_created, settings),
  "user.custom_field_changed": attributeUpdate(source, "user.custom_field_changed", user_custom_field_changed, settings),
  "user.deleted": mappedCustomEventWithAttributes(source, "user.deleted", user_deleted, settings),
  "user.external_id_changed": attributeUpdate(source, "user.external_id_changed", user_external_id_changed, settings),
  "user.identity_changed": mappedCustomEvent(source, "user.identity_changed", user_identity_changed, settings),
  "user.identity_created": mappedCustomEvent(source, "user.identity_created", user_identity_created, settings),
  "user.identity_deleted": mappedCustomEvent(source, "user.identity_deleted", user_identity_deleted, settings),
  "user.name_changed": attributeUpdate(source, "user.name_changed", user_name_changed, settings),
  "user.suspended_changed": attributeUpdate(source, "user.suspended_changed", user_suspended_changed, settings),
  "user.tags_changed": attributeUpdate(source, "user.tags_changed", user_tags_changed, settings),
  "user.time_zone_changed": attributeUpdate(source, "user.time_zone_changed", user_time_zone_changed, settings),
}, notWritten);

return transform(payload, headers);
