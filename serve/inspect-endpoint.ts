import { checkPartnerRequest, type SentRequest } from "../contract/partners/request";
import type { CatalogWebhook } from "./dist-catalog";
import type { Exchange, Outcome, ServeContext } from "./exchange";
import { errorBody } from "./http";
import { templateRequest } from "../build/webhooks/template-request";
import { DEFAULT_PROFILE, renderLocally } from "./local-render";
import { readBody } from "./read-body";
import type { Inspection } from "./request-log";

/** The methods a partner request can have; the inspector takes any of them and the partner check says if it is the right one. */
export const INSPECT_METHODS = ["POST", "PUT", "GET", "DELETE"];

/** Sent to bdt serve, not the partner, so the received URL says nothing about the template: the local render's URL is checked instead. */
const URL_NOT_CHECKED = "The URL is not checked: Braze sent this request to bdt serve; the local render's URL is.";

/**
 * `/inspect/<partner>/<template>`: a webhook Braze itself sent (the
 * composer's Test tab, through a tunnel) checked against the partner's
 * request schema, and logged beside the same template rendered here.
 */
export async function inspectEndpoint(context: ServeContext, exchange: Exchange, webhook: CatalogWebhook): Promise<Outcome> {
  const body = await readBody(exchange.request, context.bodyLimit);
  const request = await templateRequest(context.project, webhook.id);
  const { host, "x-forwarded-proto": scheme = "http" } = exchange.headers;
  const received: SentRequest = { method: exchange.method, url: `${scheme}://${host ?? new URL(context.url()).host}${exchange.request.url ?? exchange.path}`, headers: exchange.headers, body };
  const problems = checkPartnerRequest({ ...request, checkUrl: () => [] }, received);
  const profile = exchange.query.get("profile") ?? DEFAULT_PROFILE;
  const inspection: Inspection = {
    template: webhook.id,
    partnerRequest: request.title,
    received: { ...received, problems },
    note: URL_NOT_CHECKED,
    profile,
    local: await renderLocally(context.project, webhook, request, profile, exchange.time),
  };
  const valid = problems.length === 0;
  const answer = { template: webhook.id, valid, problems, logs: `${context.url()}/` };
  return {
    status: valid ? 200 : 422,
    json: valid ? answer : { ...errorBody({ kind: "invalid-partner-request", message: `${request.title} would refuse this request` }), ...answer },
    log: { verdict: valid ? "ok" : "invalid", body, problems, inspection },
  };
}
