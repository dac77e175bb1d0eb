/**
 * What `bdt probe compare --liquid` is given: the body as a request bin
 * received it, or the request as bdt serve recorded it
 * (GET /api/requests/<id>). Anything else is refused in one line.
 */
import { readAnswers, isProbeBody, ProbeBodyError, type Answer } from "./answers";
import { LIQUID_PROBE_PATH } from "./template";

export interface Received {
  readonly answers: ReadonlyMap<string, Answer>;
  /** Where it came from, for the report. */
  readonly source: string;
  /** When Braze sent it, when the record says. */
  readonly sentAt?: string;
}

const SAVE_ONE = "save one request: curl http://127.0.0.1:<port>/api/requests/<id> > received.json";

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromBody(body: Readonly<Record<string, unknown>>, source: string, sentAt?: string): Received {
  try {
    return { answers: readAnswers(body), source, ...(sentAt !== undefined && { sentAt }) };
  } catch (error) {
    if (error instanceof ProbeBodyError) throw new ProbeBodyError(`${source}: ${error.message}`);
    throw error;
  }
}

/** A request bdt serve recorded: it must be the probe's, with its body. */
function fromRecord(record: Readonly<Record<string, unknown>>, name: string): Received {
  const request = `${name}: bdt serve's request ${String(record.id)}`;
  const path = String(record.path);
  if (path.replace(/\/+$/, "") !== LIQUID_PROBE_PATH) throw new ProbeBodyError(`${request} was sent to ${path}, not to the Liquid probe's ${LIQUID_PROBE_PATH}`);
  if (typeof record.body !== "string") throw new ProbeBodyError(`${request} has no body`);
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new ProbeBodyError(`${request}: the body Braze sent is not JSON, so Braze did not render the probe's template (was it pasted whole?)`);
  }
  if (!isProbeBody(body)) throw new ProbeBodyError(`${request}: the body is not the Liquid probe's (no "bdt_probe": "liquid")`);
  return fromBody(body, request, typeof record.time === "string" ? record.time : undefined);
}

/** The probe's answers in `json`, read from the file `name`; throws ProbeBodyError, one line, for anything else. */
export function readReceived(json: unknown, name: string): Received {
  if (isProbeBody(json)) return fromBody(json, `${name}: the probe's body`);
  if (isObject(json) && typeof json.path === "string" && isObject(json.headers)) return fromRecord(json, name);
  if (isObject(json) && Array.isArray(json.requests)) throw new ProbeBodyError(`${name} is bdt serve's list of requests, which has no bodies: ${SAVE_ONE}`);
  throw new ProbeBodyError(`${name} is neither the Liquid probe's body (with "bdt_probe": "liquid") nor a request bdt serve recorded: ${SAVE_ONE}, or save the body a request bin received`);
}
