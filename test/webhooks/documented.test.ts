import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { checkPartnerRequest, type PartnerRequest } from "../../contract/partners/request";
import { RegalEventsRequest } from "../../contract/partners/regal";
import { RoktCreateEventRequest, RoktUpdateEventRequest } from "../../contract/partners/rokt";
import { ZendeskCreateTicketRequest } from "../../contract/partners/zendesk";
import { LiquidTemplateError, renderWebhook, type WebhookFields } from "../../liquid";
import { ROOT } from "../support/dist";
import { expectGoldenText } from "../support/golden-text";
import { eventFixtures, fixtureContext, profiles, requestOf, shippedWebhooks, WEBHOOK_FIXTURES, type ShippedWebhook } from "../support/webhooks";
import { renderOutcome } from "./outcome";

/** Which partner endpoint each documented template calls, by its webhook.json `kind`. */
const REQUEST_OF_KIND: Readonly<Record<string, PartnerRequest>> = {
  "create-contact": RegalEventsRequest,
  "opt-in": RegalEventsRequest,
  "custom-event": RegalEventsRequest,
  "create-ticket": ZendeskCreateTicketRequest,
  "new-event": RoktCreateEventRequest,
  "update-event": RoktUpdateEventRequest,
};

interface Tally {
  renders: number;
  invalidJson: number;
  wrongFields: number;
  brokenUrlOrHeader: number;
  defective: number;
  aborted: number;
}

const users = profiles();
const plainEvent = eventFixtures().find((event) => event.name === "plain")!.value;
const DOCUMENTED = join(WEBHOOK_FIXTURES, "documented");

/** Each documented template as printed, and as the page tells the reader to edit it. */
function documentedVariants(): { label: string; kind: string; fields: ShippedWebhook }[] {
  return readdirSync(DOCUMENTED)
    .filter((name) => existsSync(join(DOCUMENTED, name, "webhook.json")))
    .sort()
    .flatMap((name) => {
      const webhook = JSON.parse(readFileSync(join(DOCUMENTED, name, "webhook.json"), "utf8")) as { partner: string; kind: string; method: string; url: string; headers: Record<string, string> };
      return ["body.liquid", "body.followed.liquid"]
        .filter((file) => existsSync(join(DOCUMENTED, name, file)))
        .map((file) => ({
          label: `${name}${file === "body.followed.liquid" ? " (edited as the page says)" : " (as printed)"}`,
          kind: webhook.kind,
          fields: { id: name, partner: webhook.partner, method: webhook.method, url: webhook.url, headers: webhook.headers, body: readFileSync(join(DOCUMENTED, name, file), "utf8") },
        }));
    });
}

function emptyTally(): Tally {
  return { renders: 0, invalidJson: 0, wrongFields: 0, brokenUrlOrHeader: 0, defective: 0, aborted: 0 };
}

async function tallyDocumented(fields: WebhookFields, request: PartnerRequest): Promise<Tally> {
  const tally = emptyTally();
  for (const user of users) {
    tally.renders++;
    let problems: string[];
    try {
      const result = await renderWebhook(fields, fixtureContext(fields as ShippedWebhook, user.value, plainEvent));
      if (!result.sent) {
        tally.aborted++;
        continue;
      }
      problems = checkPartnerRequest(request, result);
    } catch (error) {
      if (!(error instanceof LiquidTemplateError)) throw error;
      problems = [`does not render: ${error.message}`];
    }
    if (problems.some((problem) => problem.startsWith("body: not JSON") || problem.startsWith("does not render"))) tally.invalidJson++;
    else if (problems.some((problem) => problem.startsWith("body"))) tally.wrongFields++;
    if (problems.some((problem) => problem.startsWith("url") || problem.startsWith("headers"))) tally.brokenUrlOrHeader++;
    if (problems.length > 0) tally.defective++;
  }
  return tally;
}

function row(label: string, tally: Tally): string {
  return `| ${label} | ${tally.renders} | ${tally.invalidJson} | ${tally.wrongFields} | ${tally.brokenUrlOrHeader} | **${tally.defective}** | ${tally.aborted} |`;
}

it("measures the documented templates against ours on the same profiles, as the README shows", async () => {
  const documented: string[] = [];
  const documentedTotal = emptyTally();
  for (const variant of documentedVariants()) {
    const tally = await tallyDocumented(variant.fields, REQUEST_OF_KIND[variant.kind]!);
    if (variant.label.endsWith("(as printed)")) for (const key of Object.keys(tally) as (keyof Tally)[]) documentedTotal[key] += tally[key];
    documented.push(row(`Braze's ${variant.label}`, tally));
  }
  const ours: string[] = [];
  const oursTotal = emptyTally();
  for (const webhook of shippedWebhooks()) {
    const request = await requestOf(webhook.id);
    const tally = emptyTally();
    for (const user of users) {
      const outcome = await renderOutcome(webhook, request, fixtureContext(webhook, user.value, plainEvent));
      tally.renders++;
      if (outcome.kind === "aborted") tally.aborted++;
      if (outcome.kind === "invalid") tally.defective++;
    }
    for (const key of Object.keys(tally) as (keyof Tally)[]) oursTotal[key] += tally[key];
    ours.push(row(`ours: \`${webhook.id}\``, tally));
  }
  // The baseline really is broken, and ours never is: the figure would be meaningless otherwise.
  expect(documentedTotal.defective).toBeGreaterThan(documentedTotal.renders / 2);
  expect(oursTotal.defective).toBe(0);

  const figure = [
    `Each template rendered for the ${users.length} profiles of \`test/fixtures/webhooks/profiles/\` (plain and hostile) and checked against the partner's request schema (\`contract/partners/\`):`,
    "",
    "| template | requests | invalid JSON | missing or wrong fields | broken URL or Authorization | refused by the partner | not sent (abort, with a reason) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...documented,
    ...ours,
  ].join("\n");
  expectGoldenText(join(ROOT, "test", "webhooks", "outcomes", "documented-vs-ours.md"), `${figure}\n`);
  expect(readFileSync(join(ROOT, "README.md"), "utf8"), "README.md must show the measured figure (test/webhooks/outcomes/documented-vs-ours.md)").toContain(figure);
});
