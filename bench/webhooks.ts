import { renderWebhook } from "../liquid";
import { eventFixtures, fixtureContext, profiles, shippedWebhooks } from "../test/support/webhooks";
import { medianMicros } from "./measure";
import type { Measurement } from "./measurement";

const RENDERS = 200;
const WARM_UP = 20;

/**
 * Each built template rendered as `bdt render` renders it (url, every
 * header, body) for the plain profile and event, with the content blocks and
 * connected-content answers the template tests use.
 */
export const webhooks: Measurement<{ webhooks: Record<string, { render_us: number }> }> = {
  keys: ["webhooks"],
  doing: `each webhook template: ${RENDERS} renders for the plain profile…`,
  async measure() {
    const user = named(profiles(), "plain", "profile");
    const event = named(eventFixtures(), "plain", "event");
    const figures: Record<string, { render_us: number }> = {};
    for (const webhook of shippedWebhooks()) {
      const context = fixtureContext(webhook, user, event);
      const first = await renderWebhook(webhook, context);
      // An abort renders less than a send: timing it would flatter the template.
      if (!first.sent) throw new Error(`${webhook.id} does not send for the plain profile (${first.field}: ${first.reason})`);
      figures[webhook.id] = { render_us: await medianMicros(() => renderWebhook(webhook, context), RENDERS, WARM_UP) };
    }
    return { webhooks: figures };
  },
  table(figures) {
    const width = Math.max("webhook template".length, ...Object.keys(figures.webhooks).map((id) => id.length));
    return [
      "",
      `${"webhook template".padEnd(width)} ${"render µs".padStart(9)}`,
      ...Object.entries(figures.webhooks).map(([id, w]) => `${id.padEnd(width)} ${String(w.render_us).padStart(9)}`),
    ];
  },
};

function named<T>(items: readonly { name: string; value: T }[], name: string, what: string): T {
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`test/fixtures/webhooks has no ${name} ${what}`);
  return item.value;
}
