import type { IncomingMessage } from "node:http";
import type { Project } from "../build/project";
import type { DistCatalog } from "./dist-catalog";
import { errorBody } from "./http";
import { BODY_PREVIEW_CHARS, type LoggedRequest, type RequestLog } from "./request-log";
import type { RunnerPool } from "./runners";
import type { EngineName } from "../sandbox/engines";

/** What every endpoint works with: the project, dist/ as last read, the warm runners and the log. */
export interface ServeContext {
  readonly project: Project;
  readonly catalog: () => DistCatalog;
  /** The line saying dist/ is stale, while it is. */
  readonly distProblem: () => string | undefined;
  readonly runners: RunnerPool;
  /** The engine every snippet runs in. */
  readonly engine: EngineName;
  readonly log: RequestLog;
  readonly bodyLimit: number;
  /** How long a request may wait for its run before it is answered 503. */
  readonly deadlineMs: number;
  /** The server's own address, for links in answers. */
  readonly url: () => string;
}

/** One request being answered. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  /** performance.now() when it arrived. */
  readonly started: number;
  readonly time: Date;
  /** The snippet or template the path names, once known, so a rejected request's log entry names it. */
  snippet?: string;
  template?: string;
}

/** What is logged of an answered request besides what the exchange itself says. */
export type LogFields = Omit<LoggedRequest, "id" | "time" | "method" | "path" | "status" | "durationMs" | "headers" | "snippet" | "template">;

/** An endpoint's answer; only requests with `log` appear on the Logs page. */
export interface Outcome {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly log?: LogFields;
}

/** A refusal, logged: a partner pointed at a wrong URL shows on the Logs page. */
export function refused(status: number, kind: string, message: string, headers?: Record<string, string>, body?: string): Outcome {
  const error = { kind, message };
  return { status, headers, json: errorBody(error), log: { verdict: "rejected", error, ...(body === undefined ? {} : { body: body.slice(0, BODY_PREVIEW_CHARS) }) } };
}
