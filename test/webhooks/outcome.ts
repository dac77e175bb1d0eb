import { checkPartnerRequest, type PartnerRequest } from "../../contract/partners/request";
import { renderWebhook, type RenderContext } from "../../liquid";
import type { ShippedWebhook } from "../support/webhooks";

/** What one render came to: sent and accepted, sent and refused (a defect), or deliberately not sent. */
export type Outcome =
  | { readonly kind: "valid"; readonly sent: { method: string; url: string; headers: Readonly<Record<string, string>>; body: string } }
  | { readonly kind: "invalid"; readonly problems: readonly string[] }
  | { readonly kind: "aborted"; readonly field: string; readonly reason: string };

export async function renderOutcome(webhook: ShippedWebhook, request: PartnerRequest, context: RenderContext): Promise<Outcome> {
  const result = await renderWebhook(webhook, context);
  if (!result.sent) return { kind: "aborted", field: result.field, reason: result.reason };
  const sent = { method: result.method, url: result.url, headers: result.headers, body: result.body };
  const problems = checkPartnerRequest(request, sent);
  return problems.length === 0 ? { kind: "valid", sent } : { kind: "invalid", problems };
}

/** One line of a template's outcome table. */
export function outcomeLine(label: string, outcome: Outcome): string {
  switch (outcome.kind) {
    case "valid":
      return `${label}: sent`;
    case "invalid":
      return `${label}: REFUSED BY THE PARTNER: ${outcome.problems.join("; ")}`;
    case "aborted":
      return `${label}: not sent (${outcome.field}): ${outcome.reason}`;
  }
}
