import type { EnvelopeOracle } from "../envelope";

/**
 * Regal's two envelopes, as its Reporting Webhooks docs and README's "Who the
 * user is" describe them: the documented Segment-like one (`userId`,
 * `traits`, `originalTimestamp`) and the flattened one some events use
 * (`external_id`, `contact_email`, `contact_phone` at the top level), and the
 * phone fields of the event's own properties.
 */
export default {
  identity: {
    external_id: [["userId"], ["external_id"]],
    email: [["traits", "email"], ["contact_email"]],
    phone: [["traits", "phone"], ["contact_phone"], ["properties", "contact_phone"], ["properties", "contactPhone"], ["properties", "contact_number"]],
  },
  time: ["originalTimestamp"],
  properties: ["properties"],
} satisfies EnvelopeOracle;
