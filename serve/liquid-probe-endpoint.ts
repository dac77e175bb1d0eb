import { LIQUID_PROBE_ID, LIQUID_PROBE_PATH } from "../probe/liquid/template";
import { refused, type Exchange, type Outcome, type ServeContext } from "./exchange";
import { readBody } from "./read-body";

/** Logs the probe's webhook whole, as Braze sent it, for `bdt probe compare --liquid`. */
export async function liquidProbeEndpoint(context: ServeContext, exchange: Exchange): Promise<Outcome> {
  exchange.template = LIQUID_PROBE_ID;
  if (exchange.method !== "POST") return refused(405, "wrong-method", `${LIQUID_PROBE_PATH} takes the probe's webhook, a POST`, { allow: "POST" });
  const body = await readBody(exchange.request, context.bodyLimit);
  const next = `save it (curl ${context.url()}/api/requests/<id>, the x-bdt-request-id of this answer) and run bdt probe compare --liquid <file>`;
  return { status: 200, json: { probe: LIQUID_PROBE_ID, received: true, next }, log: { verdict: "ok", body } };
}
