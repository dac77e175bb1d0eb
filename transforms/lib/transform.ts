import type { Destination } from "../../contract/schema";

/** Webhook headers as Braze passes them: canonical Title-Case keys, string values. */
export type Headers = Readonly<Record<string, string>>;

/**
 * What one event becomes in Braze, in words for the generated mapping table
 * (dist/<source>/README.md). Built by the mapping helpers from the same data
 * that drives the mapping, so the table cannot drift from the code.
 */
export interface MappingDoc {
  readonly event: string;
  /** What is written: "custom event \"Call Completed\"", "attributes: first_name ← firstName", … */
  readonly writes: readonly string[];
  /** Which source fields are carried, and how. */
  readonly fields: string;
  readonly updateExistingOnly?: boolean;
}

/** What a snippet is: read by the compiler (manifest, header, mapping table) and by routers (dispatch). */
export interface TransformMeta {
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
  readonly mapping: readonly MappingDoc[];
}

/** A transformation: Braze calls it with the webhook body and headers. */
export interface Transform<Request> {
  (payload: unknown, headers: Headers): Request;
  readonly meta: TransformMeta;
}

export function defineTransform<Request>(
  meta: TransformMeta,
  run: (payload: unknown, headers: Headers) => Request,
): Transform<Request> {
  return Object.assign(run, { meta });
}
