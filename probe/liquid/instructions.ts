/** The steps `bdt probe --liquid` prints: how to get the probe from Braze's composer to the comparison. */
import type { ShippedWebhook } from "../../build/webhooks/dist-files";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../serve/address";
import { LIQUID_PROBES } from "./probes";
import { LIQUID_PROBE_PATH, probeAttributes, probesSent } from "./template";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "0.0.0.0"]);

/** JSON a shell's single quotes and a terminal carry unchanged: everything outside printable ASCII, and the quote, escaped. */
function shellSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x26\x28-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function sendingSteps(template: ShippedWebhook, refused: boolean, out: string | undefined): string[] {
  const url = new URL(template.url);
  const attributes = probeAttributes();
  const stoppers = LIQUID_PROBES.flatMap((probe) => (probe.canRefuse === undefined ? [] : [probe.canRefuse]));
  const headers = Object.entries(template.headers).map(([name, value]) => `${name}: ${value}`);
  return [
    `bdt probe --liquid: ${probesSent(refused).length} probes of Braze's Liquid as a webhook: method and URL, headers, a blank line, then the request body (stdout)${out === undefined ? "" : `; the template as JSON in ${out}`}.`,
    ...(LOCAL_HOSTS.has(url.hostname)
      ? [
          `Braze cannot reach ${url.host}: run bdt serve, expose it (cloudflared tunnel --url http://${DEFAULT_HOST}:${DEFAULT_PORT}, or ngrok http ${DEFAULT_PORT}) and write the probe again with`,
          `--url https://<tunnel>${LIQUID_PROBE_PATH}; or pass a request bin's URL with --url.`,
        ]
      : []),
    `1. Give a test user the ${Object.keys(attributes).length} custom attributes a pasted template cannot carry (control characters, a hash) with Braze's /users/track (a REST API key with users.track):`,
    `   curl -X POST https://<your REST endpoint>/users/track -H 'Authorization: Bearer <REST API key>' -H 'Content-Type: application/json' \\`,
    `     -d '${shellSafeJson({ attributes: [{ external_id: "<external id of the test user>", ...attributes }] })}'`,
    `   Without them, the probes that read them are reported "not probed".`,
    `2. Messaging > Campaigns > Create campaign > Webhook. Compose: Webhook URL ${template.url}, HTTP method ${template.method}, Request body "Raw text": paste the body;`,
    `   Settings > Request headers: ${headers.join(", ")}.`,
    "3. Test > choose the test user > Send test.",
    `4. Save what arrived: the request bdt serve logged (curl http://${DEFAULT_HOST}:${DEFAULT_PORT}/api/requests/<id> > received.json; the id is on its Logs page), or the raw body a request bin received.`,
    "   Then: bdt probe compare --liquid received.json   (--save records Braze's dialect for the local layer)",
    ...(refused ? [] : [`If Braze refuses the template or the test send, naming ${stoppers.join(" or ")}, it stops a send there: write the probe with --refused and send that one.`]),
  ];
}
