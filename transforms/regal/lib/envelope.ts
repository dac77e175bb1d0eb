import type { Source, SourceDocs } from "../../lib/source";
import { asRecord } from "../../lib/values";

/** Property timestamps that date the event itself, most specific first. */
const PROPERTY_TIMES = ["timestamp", "completed_at", "ended_at", "created_at", "started_at", "response_timestamp"];

/**
 * A Regal reporting webhook, read from either envelope Regal sends: the
 * documented Segment-like one (`userId`, `traits`, `originalTimestamp`) or the
 * flattened one some events use (`external_id`, `contact_email`,
 * `contact_phone`, `original_timestamp` at the top level). The event's time is
 * the envelope's timestamp, else the event's own property timestamps.
 */
export default {
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
} satisfies Source;

export const docs: SourceDocs = {
  connect:
    "In Regal, **Settings → Integrations → Reporting Webhooks → New Webhook**: paste the transformation's URL and select only the events that snippet handles.",
  acronyms: ["sms", "mms", "ivr"],
};
