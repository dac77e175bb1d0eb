import type { SentRequest } from "../contract/partners/request";

/** ok: a valid request; invalid: the validator or the partner schema refused it; error: the snippet failed; rejected: refused before anything ran. */
export type Verdict = "ok" | "invalid" | "error" | "rejected";

export interface LoggedError {
  readonly kind: string;
  readonly name?: string;
  readonly message: string;
  readonly line?: number;
}

/** What the inspector found for a webhook Braze sent: the request as received, and the same template rendered here. */
export interface Inspection {
  readonly template: string;
  readonly partnerRequest: string;
  readonly received: SentRequest & { readonly problems: readonly string[] };
  /** What the check of the received request could not say. */
  readonly note: string;
  readonly profile: string;
  readonly local:
    | { readonly sent: true; readonly request: SentRequest; readonly problems: readonly string[] }
    | { readonly sent: false; readonly reason: string };
}

export interface LoggedRequest {
  readonly id: number;
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly snippet?: string;
  /** The webhook template an inspected request was sent for. */
  readonly template?: string;
  readonly verdict: Verdict;
  readonly status: number;
  readonly durationMs: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body a snippet ran on. */
  readonly payload?: unknown;
  /** The body as text, when it was not run (rejected), cut at {@link BODY_PREVIEW_CHARS}. */
  readonly body?: string;
  readonly output?: unknown;
  readonly error?: LoggedError;
  readonly problems?: readonly string[];
  readonly logs?: readonly string[];
  readonly inspection?: Inspection;
}

/** The list view: what a row of the Logs page shows. */
export type RequestSummary = Pick<LoggedRequest, "id" | "time" | "method" | "path" | "snippet" | "template" | "verdict" | "status" | "durationMs"> & { readonly message?: string };

/** A rejected body is kept only as a preview: a flood of large junk must not fill memory. */
export const BODY_PREVIEW_CHARS = 4096;

/** Braze's Logs page keeps the last 1,000 requests. */
export const DEFAULT_LOG_SIZE = 1000;

export interface RequestLog {
  /** Logs a finished request under the next id, dropping the oldest past the log's size. */
  add(entry: Omit<LoggedRequest, "id">): LoggedRequest;
  get(id: number): LoggedRequest | undefined;
  /** Newest first. */
  list(): LoggedRequest[];
  readonly size: number;
}

export function createRequestLog(size: number = DEFAULT_LOG_SIZE): RequestLog {
  const entries: LoggedRequest[] = [];
  const byId = new Map<number, LoggedRequest>();
  let lastId = 0;
  return {
    size,
    add(entry) {
      const logged = { id: ++lastId, ...entry };
      entries.push(logged);
      byId.set(logged.id, logged);
      while (entries.length > size) byId.delete(entries.shift()!.id);
      return logged;
    },
    get: (id) => byId.get(id),
    list: () => entries.slice().reverse(),
  };
}

export function summarize(entry: LoggedRequest): RequestSummary {
  const { id, time, method, path, snippet, template, verdict, status, durationMs } = entry;
  const message = entry.error?.message ?? entry.problems?.[0];
  return { id, time, method, path, snippet, template, verdict, status, durationMs, message };
}
