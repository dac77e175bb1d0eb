import { InvalidPayloadError } from "./errors";
import { asRecord, type JsonRecord } from "./values";

/** The webhook body as an object, or the deliberate error every transform and router gives. */
export function payloadObject(payload: unknown): JsonRecord {
  const body = asRecord(payload);
  if (!body) throw new InvalidPayloadError("payload", `expected a webhook object, got ${kindOf(payload)}`);
  return body;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
