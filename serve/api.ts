import { captureFixture } from "./capture";
import type { Exchange, Outcome, ServeContext } from "./exchange";
import { errorBody } from "./http";
import { parseJsonBody, readBody, Rejection } from "./read-body";
import { summarize } from "./request-log";

/** The Logs page's API: `GET /api/requests`, `GET /api/requests/<id>`, `POST /api/requests/<id>/capture`. */
export async function apiEndpoint(context: ServeContext, exchange: Exchange): Promise<Outcome> {
  const [, , collection, idText, action, ...rest] = exchange.path.split("/");
  if (collection !== "requests" || rest.length > 0 || (action !== undefined && action !== "capture")) {
    return { status: 404, json: errorBody({ kind: "unknown-path", message: `${exchange.path}: the API has /api/requests, /api/requests/<id> and /api/requests/<id>/capture` }) };
  }
  const wanted = action === "capture" ? "POST" : "GET";
  if (exchange.method !== wanted) return { status: 405, headers: { allow: wanted }, json: errorBody({ kind: "wrong-method", message: `${exchange.path} takes ${wanted}` }) };
  if (idText === undefined || idText === "") return { status: 200, json: listing(context) };

  const entry = /^\d+$/.test(idText) ? context.log.get(Number(idText)) : undefined;
  if (!entry) return { status: 404, json: errorBody({ kind: "unknown-request", message: `no request ${idText} in the log (it keeps the last ${context.log.size})` }) };
  if (action === undefined) return { status: 200, json: entry };

  if (!/^application\/json\b/i.test(exchange.headers["content-type"] ?? "")) {
    // A page elsewhere cannot send JSON here without a CORS preflight, which this server never grants: no capture from another site.
    throw new Rejection(415, "not-json", "capture takes a JSON body ({ \"name\": \"…\" }) sent as application/json");
  }
  const text = await readBody(exchange.request, context.bodyLimit);
  const body = text.trim() === "" ? {} : parseJsonBody(text, exchange.headers["content-type"]);
  const name = typeof body === "object" && body !== null && "name" in body && typeof body.name === "string" && body.name !== "" ? body.name : undefined;
  const captured = await captureFixture(context, entry, name);
  return { status: 201, json: captured };
}

function listing(context: ServeContext) {
  const catalog = context.catalog();
  return {
    requests: context.log.list().map(summarize),
    logSize: context.log.size,
    snippets: [...catalog.snippets.keys()],
    templates: [...catalog.webhooks.keys()],
    distProblem: context.distProblem() ?? null,
  };
}
