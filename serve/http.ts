import type { IncomingMessage, ServerResponse } from "node:http";
import type { LoggedError } from "./request-log";
import { brazeHeaderName } from "../contract/header-names";

/**
 * A request's headers, lower-cased names (as Node gives them), one
 * string each (a repeated header joined with ", ", as HTTP allows).
 */
export function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * Headers as a Braze transformation's `headers` holds them: names in the
 * canonical form Braze's front end gives (Title-Case per hyphen, as Go's
 * CanonicalMIMEHeaderKey: "X-Braze-Transform-Key", "Content-Type").
 */
export function brazeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [brazeHeaderName(name), value]));
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(response, status, `${JSON.stringify(body, null, 2)}\n`, { "content-type": "application/json; charset=utf-8", ...headers });
}

export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { "cache-control": "no-store", ...headers, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** The JSON body of every answer that is not an output: `{ error: { kind, name?, message, line? }, …extra }`. */
export function errorBody(error: LoggedError, extra: Record<string, unknown> = {}) {
  return { error, ...extra };
}
