import type { Destination } from "../../contract/schema";

/** Webhook headers as Braze passes them: canonical Title-Case keys, string values. */
export type Headers = Readonly<Record<string, string>>;

/** What a snippet is: read by the compiler (manifest, header) and by routers (dispatch). */
export interface TransformMeta {
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
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
