import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Project } from "../build/project";
import { staleDistProblem } from "../build/source-inputs";
import { DEFAULT_HOST, DEFAULT_PORT } from "./address";
import { readCatalog, type DistCatalog } from "./dist-catalog";
import { refused, type Exchange, type Outcome, type ServeContext } from "./exchange";
import { errorBody, headersOf, sendJson, sendText } from "./http";
import { DEFAULT_BODY_LIMIT, Rejection } from "./read-body";
import { createRequestLog, DEFAULT_LOG_SIZE, type RequestLog } from "./request-log";
import { route } from "./routes";
import { createRunnerPool } from "./runners";
import type { EngineName } from "../sandbox/engines";
import { watchDist } from "./watch-dist";

/**
 * Regal waits 5 s for an answer. A run cannot be cut short from outside and
 * may block for the sandbox's 1 s limit, so a request still waiting at 3.5 s
 * is answered by 4.5 s at the latest, leaving time to travel back through a tunnel.
 */
export const DEFAULT_DEADLINE_MS = 3500;

export interface ServeOptions {
  readonly project: Project;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly logSize?: number;
  readonly bodyLimit?: number;
  readonly deadlineMs?: number;
  /** The engine snippets run in. Default "quickjs". */
  readonly engine?: EngineName;
  /** Re-read dist/ whenever a build changes it. */
  readonly watch?: boolean;
  /** One line per reload of dist/, or why a reload failed. */
  readonly notify?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly log: RequestLog;
  readonly catalog: () => DistCatalog;
  close(): Promise<void>;
}

/** Starts `bdt serve`: every built snippet behind the URL Braze would give its transformation, the Logs page, the inspector. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { project } = options;
  let catalog = readCatalog(project);
  let distProblem = staleDistProblem(project);
  let url = "";
  const engine = options.engine ?? "quickjs";
  const runners = createRunnerPool(engine);
  const context: ServeContext = {
    project,
    engine,
    catalog: () => catalog,
    distProblem: () => distProblem,
    runners,
    log: createRequestLog(options.logSize ?? DEFAULT_LOG_SIZE),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    url: () => url,
  };
  const server = createServer((request, response) => void answer(context, request, response));
  server.on("clientError", refuseUnparsable);
  // Junk connections (the flood a public tunnel attracts) must not linger: a webhook is sent in well under this.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  const reloaded = (next: DistCatalog) => {
    const changed = [...next.snippets.values()].filter((snippet) => catalog.snippets.get(snippet.id)?.sha256 !== snippet.sha256).map((snippet) => snippet.id);
    catalog = next;
    distProblem = staleDistProblem(project);
    runners.retain(next);
    options.notify?.(`reloaded dist/: ${describeChanged(changed)}`);
  };
  const stopWatching = options.watch ? watchDist(project, reloaded, (message) => options.notify?.(`dist/ not reloaded: ${message}`)) : () => undefined;

  return {
    url,
    log: context.log,
    catalog: () => catalog,
    async close() {
      stopWatching();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await runners.dispose();
    },
  };
}

function describeChanged(ids: readonly string[]): string {
  if (ids.length === 0) return "no snippet changed";
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(", ")}, …` : ids.join(", ");
  return `${ids.length} snippet${ids.length === 1 ? "" : "s"} changed (${shown})`;
}

/** Answers one request; whatever goes wrong becomes a 500 with the reason, and the server keeps serving. */
async function answer(context: ServeContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const raw = request.url ?? "/";
  const queryAt = raw.indexOf("?");
  const exchange: Exchange = {
    request,
    method: request.method ?? "GET",
    path: queryAt < 0 ? raw : raw.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? "" : raw.slice(queryAt + 1)),
    headers: headersOf(request),
    started: performance.now(),
    time: new Date(),
  };
  let outcome: Outcome;
  try {
    outcome = await route(context, exchange);
  } catch (error) {
    outcome = failure(exchange, error);
  }
  try {
    const headers: Record<string, string> = { ...outcome.headers };
    if (outcome.log) {
      const entry = context.log.add({
        time: exchange.time.toISOString(),
        method: exchange.method,
        path: exchange.path,
        snippet: exchange.snippet,
        template: exchange.template,
        status: outcome.status,
        durationMs: performance.now() - exchange.started,
        headers: exchange.headers,
        ...outcome.log,
      });
      headers["x-bdt-request-id"] = String(entry.id);
    }
    if (outcome.text !== undefined) sendText(response, outcome.status, outcome.text, { "content-type": outcome.contentType ?? "text/plain; charset=utf-8", ...headers });
    else if (outcome.json !== undefined) sendJson(response, outcome.status, outcome.json, headers);
    else sendText(response, outcome.status, "", headers);
  } catch {
    response.destroy();
  }
}

function failure(exchange: Exchange, error: unknown): Outcome {
  const logged = !exchange.path.startsWith("/api/");
  if (error instanceof Rejection) {
    const outcome = refused(error.status, error.kind, error.message, undefined, error.body);
    return logged ? outcome : { ...outcome, log: undefined };
  }
  const message = `bdt serve failed on this request: ${error instanceof Error ? error.message : String(error)}`;
  const failed = { kind: "server-error", message };
  return { status: 500, json: errorBody(failed), log: logged ? { verdict: "error", error: failed } : undefined };
}

/** A request Node could not parse (headers too large, not HTTP): a one-line answer where the connection still allows one. */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const body = `${JSON.stringify(errorBody({ kind: "unparsable", message: `not an HTTP request this server can read (${error.code ?? error.message})` }))}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
