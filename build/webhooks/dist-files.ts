import type { CompiledWebhook } from "./compile";
import { templateReadme } from "./readme";

/** A template as dist/ ships it: the text of each composer field. */
export interface ShippedWebhook {
  readonly id: string;
  readonly partner: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Where a template ships, relative to dist/. */
export function webhookFile(webhook: CompiledWebhook): string {
  return `webhooks/${webhook.id}.json`;
}

/** The composer's fields, each the exact text to paste. */
export function webhookJson(webhook: CompiledWebhook): string {
  const { id, partner, method, url, headers, body } = webhook;
  const shipped: ShippedWebhook = { id, partner, method, url, headers, body };
  return `${JSON.stringify(shipped, null, 2)}\n`;
}

/** Every webhook file of dist/: one JSON per template and one README per partner. */
export function webhookDistFiles(webhooks: readonly CompiledWebhook[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const webhook of webhooks) files.set(webhookFile(webhook), webhookJson(webhook));
  for (const partner of [...new Set(webhooks.map((webhook) => webhook.partner))]) {
    files.set(`webhooks/${partner}/README.md`, templateReadme(partner, webhooks.filter((webhook) => webhook.partner === partner)));
  }
  return files;
}
