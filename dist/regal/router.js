// regal/router: Braze Data Transformation routing 39 regal events on payload.name:
//   call.analysis.available, call.completed, call.ivr.triggered, call.placed,
//   call.recording.available, call.transcript.available, call.wrapup, cancel.all.automated.tasks,
//   contact.attribute.edited, contact.created, contact.email.created, contact.experiment.assigned,
//   contact.phone.created, contact.subscribed, contact.unsubscribed, contacted.after.hours,
//   custom.task.completed, email.conversation.completed, email.received, email.sent, mms.received,
//   mms.sent, object.attribute.edited, object.created, scheduled.callback.requested,
//   scheduled.reminder.created, sms.conversation.completed, sms.failed, sms.queued, sms.received,
//   sms.sent, sms.undelivered, task.canceled, task.created, task.reservation.accepted,
//   task.reservation.created, voicemail.completed, voicemail.recording.available,
//   voicemail.transcript.available
// Destination: POST /users/track
// Settings baked in from transforms/settings.ts:
//   identity: {"identifierOrder":["external_id","email","phone"],"phoneIdentity":{"as":"user_alias","aliasLabel":"phone"}}
//   subscriptionGroups: {"voice":"YOUR VOICE SUBSCRIPTION GROUP ID","sms":"YOUR SMS SUBSCRIPTION GROUP ID"}
//   events["call.analysis.available"]: {"brazeEventName":"Call Analysis Available","updateExistingOnly":false}
//   events["call.completed"]: {"brazeEventName":"Call Completed","updateExistingOnly":false}
//   events["call.ivr.triggered"]: {"brazeEventName":"Call IVR Triggered","updateExistingOnly":false}
//   events["call.placed"]: {"brazeEventName":"Call Placed","updateExistingOnly":false}
//   events["call.recording.available"]: {"brazeEventName":"Call Recording Available","updateExistingOnly":false}
//   events["call.transcript.available"]: {"brazeEventName":"Call Transcript Available","updateExistingOnly":false}
//   events["call.wrapup"]: {"brazeEventName":"Call Wrapup","updateExistingOnly":false}
//   events["cancel.all.automated.tasks"]: {"brazeEventName":"Cancel All Automated Tasks","updateExistingOnly":false}
//   events["contact.attribute.edited"]: {"updateExistingOnly":false}
//   events["contact.created"]: {"brazeEventName":"Contact Created","updateExistingOnly":false}
//   events["contact.email.created"]: {"brazeEventName":"Contact Email Created","updateExistingOnly":false}
//   events["contact.experiment.assigned"]: {"brazeEventName":"Contact Experiment Assigned","updateExistingOnly":false}
//   events["contact.phone.created"]: {"brazeEventName":"Contact Phone Created","updateExistingOnly":false}
//   events["contact.subscribed"]: {"brazeEventName":"Contact Subscribed","updateExistingOnly":true,"trackEvent":true}
//   events["contact.unsubscribed"]: {"updateExistingOnly":true,"trackEvent":false}
//   events["contacted.after.hours"]: {"brazeEventName":"Contacted After Hours","updateExistingOnly":false}
//   events["custom.task.completed"]: {"brazeEventName":"Custom Task Completed","updateExistingOnly":false}
//   events["email.conversation.completed"]: {"brazeEventName":"Email Conversation Completed","updateExistingOnly":false}
//   events["email.received"]: {"brazeEventName":"Email Received","updateExistingOnly":false}
//   events["email.sent"]: {"brazeEventName":"Email Sent","updateExistingOnly":false}
//   events["mms.received"]: {"brazeEventName":"MMS Received","updateExistingOnly":false}
//   events["mms.sent"]: {"brazeEventName":"MMS Sent","updateExistingOnly":false}
//   events["object.attribute.edited"]: {"brazeEventName":"Object Attribute Edited","updateExistingOnly":false}
//   events["object.created"]: {"brazeEventName":"Object Created","updateExistingOnly":false}
//   events["scheduled.callback.requested"]: {"brazeEventName":"Scheduled Callback Requested","updateExistingOnly":false}
//   events["scheduled.reminder.created"]: {"brazeEventName":"Scheduled Reminder Created","updateExistingOnly":false}
//   events["sms.conversation.completed"]: {"brazeEventName":"SMS Conversation Completed","updateExistingOnly":false}
//   events["sms.failed"]: {"brazeEventName":"SMS Failed","updateExistingOnly":false}
//   events["sms.queued"]: {"brazeEventName":"SMS Queued","updateExistingOnly":false}
//   events["sms.received"]: {"brazeEventName":"SMS Received","updateExistingOnly":false}
//   events["sms.sent"]: {"brazeEventName":"SMS Sent","updateExistingOnly":false}
//   events["sms.undelivered"]: {"brazeEventName":"SMS Undelivered","updateExistingOnly":false}
//   events["task.canceled"]: {"brazeEventName":"Task Canceled","updateExistingOnly":false}
//   events["task.created"]: {"brazeEventName":"Task Created","updateExistingOnly":false}
//   events["task.reservation.accepted"]: {"brazeEventName":"Task Reservation Accepted","updateExistingOnly":false}
//   events["task.reservation.created"]: {"brazeEventName":"Task Reservation Created","updateExistingOnly":false}
//   events["voicemail.completed"]: {"brazeEventName":"Voicemail Completed","updateExistingOnly":false}
//   events["voicemail.recording.available"]: {"brazeEventName":"Voicemail Recording Available","updateExistingOnly":false}
//   events["voicemail.transcript.available"]: {"brazeEventName":"Voicemail Transcript Available","updateExistingOnly":false}
// braze-transforms 0.1.0, code sha256 fc406a482d874018
// Generated from transforms/regal/ (generated from every event module): edit that, not this file.
// Paste this whole file into Braze: Data Settings > Data Transformation > your transformation.

var call_analysis_available = {};

var call_completed = {};

var call_ivr_triggered = {};

var call_placed = {};

var call_recording_available = {};

var call_transcript_available = {};

var call_wrapup = {};

var cancel_all_automated_tasks = {};

var contact_attribute_edited = {
    changes: {
        from: "changes",
        newValue: "new_value",
        nested: ["custom_properties"],
        rename: { firstName: "first_name", lastName: "last_name" },
    },
};

var contact_created = {
    attributes: {
        first_name: "firstName",
        last_name: "lastName",
        email: "email",
        phone: "contactPhone",
    },
    otherPropertiesAsAttributes: true,
};

var contact_email_created = {
    attributes: {
        first_name: "firstName",
        last_name: "lastName",
        email: { from: "new_email_properties.email", when: "new_email_properties.isPrimary" },
    },
};

var contact_experiment_assigned = {};

var contact_phone_created = {
    attributes: {
        first_name: "firstName",
        last_name: "lastName",
        phone: { from: "contactPhone", when: "isPrimary" },
    },
};

var contact_subscribed = {
    state: "subscribed",
    channelFrom: "channel",
};

var contact_unsubscribed = {
    state: "unsubscribed",
    channelFrom: "channel",
};

var contacted_after_hours = {};

var custom_task_completed = {};

var email_conversation_completed = {};

var email_received = {};

var email_sent = {};

var mms_received = {};

var mms_sent = {};

var object_attribute_edited = {};

var object_created = {};

var scheduled_callback_requested = {};

var scheduled_reminder_created = {};

var sms_conversation_completed = {};

var sms_failed = {};

var sms_queued = {};

var sms_received = {};

var sms_sent = {};

var sms_undelivered = {};

var task_canceled = {};

var task_created = {};

var task_reservation_accepted = {};

var task_reservation_created = {};

var voicemail_completed = {};

var voicemail_recording_available = {};

var voicemail_transcript_available = {};

var settings = {
    identity: {
        identifierOrder: ["external_id", "email", "phone"],
        phoneIdentity: {
            as: "user_alias",
            aliasLabel: "phone",
        },
    },
    subscriptionGroups: {
        voice: "YOUR VOICE SUBSCRIPTION GROUP ID",
        sms: "YOUR SMS SUBSCRIPTION GROUP ID",
    },
    events: {
        "call.analysis.available": {
            brazeEventName: "Call Analysis Available",
            updateExistingOnly: false,
        },
        "call.completed": {
            brazeEventName: "Call Completed",
            updateExistingOnly: false,
        },
        "call.ivr.triggered": {
            brazeEventName: "Call IVR Triggered",
            updateExistingOnly: false,
        },
        "call.placed": {
            brazeEventName: "Call Placed",
            updateExistingOnly: false,
        },
        "call.recording.available": {
            brazeEventName: "Call Recording Available",
            updateExistingOnly: false,
        },
        "call.transcript.available": {
            brazeEventName: "Call Transcript Available",
            updateExistingOnly: false,
        },
        "call.wrapup": {
            brazeEventName: "Call Wrapup",
            updateExistingOnly: false,
        },
        "cancel.all.automated.tasks": {
            brazeEventName: "Cancel All Automated Tasks",
            updateExistingOnly: false,
        },
        "contact.attribute.edited": {
            updateExistingOnly: false,
        },
        "contact.created": {
            brazeEventName: "Contact Created",
            updateExistingOnly: false,
        },
        "contact.email.created": {
            brazeEventName: "Contact Email Created",
            updateExistingOnly: false,
        },
        "contact.experiment.assigned": {
            brazeEventName: "Contact Experiment Assigned",
            updateExistingOnly: false,
        },
        "contact.phone.created": {
            brazeEventName: "Contact Phone Created",
            updateExistingOnly: false,
        },
        "contact.subscribed": {
            brazeEventName: "Contact Subscribed",
            updateExistingOnly: true,
            trackEvent: true,
        },
        "contact.unsubscribed": {
            updateExistingOnly: true,
            trackEvent: false,
        },
        "contacted.after.hours": {
            brazeEventName: "Contacted After Hours",
            updateExistingOnly: false,
        },
        "custom.task.completed": {
            brazeEventName: "Custom Task Completed",
            updateExistingOnly: false,
        },
        "email.conversation.completed": {
            brazeEventName: "Email Conversation Completed",
            updateExistingOnly: false,
        },
        "email.received": {
            brazeEventName: "Email Received",
            updateExistingOnly: false,
        },
        "email.sent": {
            brazeEventName: "Email Sent",
            updateExistingOnly: false,
        },
        "mms.received": {
            brazeEventName: "MMS Received",
            updateExistingOnly: false,
        },
        "mms.sent": {
            brazeEventName: "MMS Sent",
            updateExistingOnly: false,
        },
        "object.attribute.edited": {
            brazeEventName: "Object Attribute Edited",
            updateExistingOnly: false,
        },
        "object.created": {
            brazeEventName: "Object Created",
            updateExistingOnly: false,
        },
        "scheduled.callback.requested": {
            brazeEventName: "Scheduled Callback Requested",
            updateExistingOnly: false,
        },
        "scheduled.reminder.created": {
            brazeEventName: "Scheduled Reminder Created",
            updateExistingOnly: false,
        },
        "sms.conversation.completed": {
            brazeEventName: "SMS Conversation Completed",
            updateExistingOnly: false,
        },
        "sms.failed": {
            brazeEventName: "SMS Failed",
            updateExistingOnly: false,
        },
        "sms.queued": {
            brazeEventName: "SMS Queued",
            updateExistingOnly: false,
        },
        "sms.received": {
            brazeEventName: "SMS Received",
            updateExistingOnly: false,
        },
        "sms.sent": {
            brazeEventName: "SMS Sent",
            updateExistingOnly: false,
        },
        "sms.undelivered": {
            brazeEventName: "SMS Undelivered",
            updateExistingOnly: false,
        },
        "task.canceled": {
            brazeEventName: "Task Canceled",
            updateExistingOnly: false,
        },
        "task.created": {
            brazeEventName: "Task Created",
            updateExistingOnly: false,
        },
        "task.reservation.accepted": {
            brazeEventName: "Task Reservation Accepted",
            updateExistingOnly: false,
        },
        "task.reservation.created": {
            brazeEventName: "Task Reservation Created",
            updateExistingOnly: false,
        },
        "voicemail.completed": {
            brazeEventName: "Voicemail Completed",
            updateExistingOnly: false,
        },
        "voicemail.recording.available": {
            brazeEventName: "Voicemail Recording Available",
            updateExistingOnly: false,
        },
        "voicemail.transcript.available": {
            brazeEventName: "Voicemail Transcript Available",
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
function setOwn(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
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

function customEvent(source, event, mapping, settings) {
    const own = settings.events[event];
    return tracked(source, event, mapping, settings, (webhook, identity) => ({ events: [oneEvent(webhook, identity, own)] }));
}
function customEventWithAttributes(source, event, mapping, settings) {
    const own = settings.events[event];
    return tracked(source, event, mapping, settings, (webhook, identity) => withAttributes(identity, own.updateExistingOnly, profileAttributes(webhook, mapping), { events: [oneEvent(webhook, identity, own)] }));
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

function subscriptionChange(source, event, mapping, settings) {
    const own = settings.events[event];
    const groups = settings.subscriptionGroups;
    const channels = Object.keys(groups);
    return (payload) => {
        const webhook = readWebhook(source, event, payload, mapping);
        const received = readPath(webhook.properties, mapping.channelFrom);
        const channel = readChannel(received, channels);
        if (!channel)
            throw new UnmappedValueError({ source, event }, `properties.${mapping.channelFrom}`, received, channels);
        const identity = resolveIdentity({ source, event }, webhook.identity, settings.identity);
        const subscription = [{ subscription_group_id: groups[channel], subscription_state: mapping.state }];
        const request = { attributes: [{ ...identity, _update_existing_only: own.updateExistingOnly, subscription_groups: subscription }] };
        if (own.trackEvent)
            request.events = [eventObject(webhook, identity, own.brazeEventName, own.updateExistingOnly)];
        return request;
    };
}
function readChannel(value, channels) {
    const text = readText(value);
    const channel = text && text.toLowerCase();
    return channels.filter((known) => known === channel)[0];
}

function router(source, byEvent, notWritten) {
    const events = Object.keys(byEvent).sort();
    return (payload, headers) => {
        const body = payloadObject(payload);
        const event = source.eventOf(body);
        const transform = typeof event === "string" && Object.prototype.hasOwnProperty.call(byEvent, event) ? byEvent[event] : undefined;
        if (transform)
            return transform(payload, headers);
        throw new MisroutedEventError(source, events, body);
    };
}

const transform = router(source, {
  "call.analysis.available": customEvent(source, "call.analysis.available", call_analysis_available, settings),
  "call.completed": customEvent(source, "call.completed", call_completed, settings),
  "call.ivr.triggered": customEvent(source, "call.ivr.triggered", call_ivr_triggered, settings),
  "call.placed": customEvent(source, "call.placed", call_placed, settings),
  "call.recording.available": customEvent(source, "call.recording.available", call_recording_available, settings),
  "call.transcript.available": customEvent(source, "call.transcript.available", call_transcript_available, settings),
  "call.wrapup": customEvent(source, "call.wrapup", call_wrapup, settings),
  "cancel.all.automated.tasks": customEvent(source, "cancel.all.automated.tasks", cancel_all_automated_tasks, settings),
  "contact.attribute.edited": attributeUpdate(source, "contact.attribute.edited", contact_attribute_edited, settings),
  "contact.created": customEventWithAttributes(source, "contact.created", contact_created, settings),
  "contact.email.created": customEventWithAttributes(source, "contact.email.created", contact_email_created, settings),
  "contact.experiment.assigned": customEvent(source, "contact.experiment.assigned", contact_experiment_assigned, settings),
  "contact.phone.created": customEventWithAttributes(source, "contact.phone.created", contact_phone_created, settings),
  "contact.subscribed": subscriptionChange(source, "contact.subscribed", contact_subscribed, settings),
  "contact.unsubscribed": subscriptionChange(source, "contact.unsubscribed", contact_unsubscribed, settings),
  "contacted.after.hours": customEvent(source, "contacted.after.hours", contacted_after_hours, settings),
  "custom.task.completed": customEvent(source, "custom.task.completed", custom_task_completed, settings),
  "email.conversation.completed": customEvent(source, "email.conversation.completed", email_conversation_completed, settings),
  "email.received": customEvent(source, "email.received", email_received, settings),
  "email.sent": customEvent(source, "email.sent", email_sent, settings),
  "mms.received": customEvent(source, "mms.received", mms_received, settings),
  "mms.sent": customEvent(source, "mms.sent", mms_sent, settings),
  "object.attribute.edited": customEvent(source, "object.attribute.edited", object_attribute_edited, settings),
  "object.created": customEvent(source, "object.created", object_created, settings),
  "scheduled.callback.requested": customEvent(source, "scheduled.callback.requested", scheduled_callback_requested, settings),
  "scheduled.reminder.created": customEvent(source, "scheduled.reminder.created", scheduled_reminder_created, settings),
  "sms.conversation.completed": customEvent(source, "sms.conversation.completed", sms_conversation_completed, settings),
  "sms.failed": customEvent(source, "sms.failed", sms_failed, settings),
  "sms.queued": customEvent(source, "sms.queued", sms_queued, settings),
  "sms.received": customEvent(source, "sms.received", sms_received, settings),
  "sms.sent": customEvent(source, "sms.sent", sms_sent, settings),
  "sms.undelivered": customEvent(source, "sms.undelivered", sms_undelivered, settings),
  "task.canceled": customEvent(source, "task.canceled", task_canceled, settings),
  "task.created": customEvent(source, "task.created", task_created, settings),
  "task.reservation.accepted": customEvent(source, "task.reservation.accepted", task_reservation_accepted, settings),
  "task.reservation.created": customEvent(source, "task.reservation.created", task_reservation_created, settings),
  "voicemail.completed": customEvent(source, "voicemail.completed", voicemail_completed, settings),
  "voicemail.recording.available": customEvent(source, "voicemail.recording.available", voicemail_recording_available, settings),
  "voicemail.transcript.available": customEvent(source, "voicemail.transcript.available", voicemail_transcript_available, settings),
});

return transform(payload, headers);
