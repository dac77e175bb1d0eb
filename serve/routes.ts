import { randomBytes } from "node:crypto";
import { apiEndpoint } from "./api";
import { nearestNames } from "../build/cli/did-you-mean";
import { snippetAt } from "./dist-catalog";
import { refused, type Exchange, type Outcome, type ServeContext } from "./exchange";
import { errorBody } from "./http";
import { INSPECT_METHODS, inspectEndpoint } from "./inspect-endpoint";
import { LIQUID_PROBE_PATH } from "../probe/liquid/template";
import { liquidProbeEndpoint } from "./liquid-probe-endpoint";
import { logsPage } from "./logs-page";
import { transformEndpoint } from "./transform-endpoint";

/** The Logs page and its API answer only requests made on this machine: through a tunnel they would show captured personal data to anyone. */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip", "cf-connecting-ip"];

/**
 * Which endpoint answers: `/` the Logs page, `/api/…` its API,
 * `/inspect/<template>` the inspector (`/inspect/bdt-probe/liquid` the Liquid
 * probe's), any other path a snippet's URL.
 * A source named "api" or "inspect" would be shadowed; none is.
 */
export async function route(context: ServeContext, exchange: Exchange): Promise<Outcome> {
  const { path, method } = exchange;
  const catalog = context.catalog();
  if (path === "/favicon.ico") return { status: 204 };
  if (path === "/") {
    if (method !== "GET") return refused(405, "wrong-method", "/ is the Logs page (GET); a transformation's URL is POST /<snippet id> or POST /<source>", { allow: "GET" });
    if (!isLocal(exchange)) return notLocal();
    return page();
  }
  if (path === "/api" || path.startsWith("/api/")) return isLocal(exchange) ? apiEndpoint(context, exchange) : notLocal();
  if (path.replace(/\/+$/, "") === LIQUID_PROBE_PATH) return liquidProbeEndpoint(context, exchange);
  if (path.startsWith("/inspect/")) {
    const id = path.slice("/inspect/".length).replace(/\/+$/, "");
    const webhook = catalog.webhooks.get(id);
    if (!webhook) return refused(404, "unknown-path", `no webhook template "${id}"${didYouMean(catalog.webhooks.keys(), id, "/inspect/")}: POST /inspect/<template id>; GET /api/requests lists the templates`);
    exchange.template = webhook.id;
    if (!INSPECT_METHODS.includes(method)) return refused(405, "wrong-method", `${path} takes the methods a partner request has: ${INSPECT_METHODS.join(", ")}`, { allow: INSPECT_METHODS.join(", ") });
    return inspectEndpoint(context, exchange, webhook);
  }
  const snippet = snippetAt(catalog, path);
  if (!snippet) {
    const built = catalog.snippets.size === 0 ? "dist/ has no snippets: run npm run build" : "GET /api/requests or dist/manifest.json lists every id";
    return refused(404, "unknown-path", `no snippet at ${path}${didYouMean(catalog.snippets.keys(), path, "/")}: POST /<snippet id> runs that snippet (e.g. /regal/call.completed), POST /<source> its router; ${built}`);
  }
  exchange.snippet = snippet.id;
  if (method !== "POST") return refused(405, "wrong-method", `${path} is a transformation's URL: it takes POST with a JSON body, as Braze's does`, { allow: "POST" });
  return transformEndpoint(context, exchange, snippet);
}

function didYouMean(ids: Iterable<string>, asked: string, prefix: string): string {
  const near = nearestNames(asked.replace(/^\/+|\/+$/g, ""), ids);
  return near.length === 0 ? "" : ` (did you mean ${near.map((id) => `${prefix}${id}`).join(", ")}?)`;
}

function isLocal(exchange: Exchange): boolean {
  const { host, origin } = exchange.headers;
  if (host === undefined || !LOCAL_HOSTS.has(host.replace(/:\d+$/, ""))) return false;
  if (PROXY_HEADERS.some((header) => header in exchange.headers)) return false;
  return origin === undefined || origin === `http://${host}`;
}

function notLocal(): Outcome {
  return { status: 403, json: errorBody({ kind: "not-local", message: "the Logs page and its API answer requests made on this machine only: open http://127.0.0.1:<port>/ there" }) };
}

/** The page may run only its own inline script and style, with a nonce fresh for each load. */
function page(): Outcome {
  const nonce = randomBytes(16).toString("base64");
  const policy = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  return { status: 200, text: logsPage(nonce), contentType: "text/html; charset=utf-8", headers: { "content-security-policy": policy } };
}
