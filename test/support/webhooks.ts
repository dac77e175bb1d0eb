import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PartnerRequest } from "../../contract/partners/request";
import { readManifest } from "../../build/manifest";
import { projectAt } from "../../build/project";
import { templateRequest } from "../../build/webhooks/template-request";
import { connectedSaveNames, parseProfile, type RenderContext, type UserProfile } from "../../liquid";
import type { ShippedWebhook } from "../../build/webhooks/dist-files";
import { DIST, ROOT } from "./dist";

export type { ShippedWebhook };

export const WEBHOOK_FIXTURES = join(ROOT, "test", "fixtures", "webhooks");

/** Every template the manifest lists, read from dist/: what users paste, so what every template test renders. */
export function shippedWebhooks(): ShippedWebhook[] {
  return readManifest(projectAt(ROOT)).webhooks.map((entry) => JSON.parse(readFileSync(join(DIST, entry.file), "utf8")) as ShippedWebhook);
}

/** The partner request a template declares, from its module. */
export function requestOf(id: string): Promise<PartnerRequest> {
  return templateRequest(projectAt(ROOT), id);
}

export interface Named<T> {
  readonly name: string;
  readonly value: T;
}

function jsonFiles(folder: string): Named<unknown>[] {
  const dir = join(WEBHOOK_FIXTURES, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.slice(0, -".json".length), value: JSON.parse(readFileSync(join(dir, file), "utf8")) as unknown }));
}

export function profiles(): Named<UserProfile>[] {
  return jsonFiles("profiles").map(({ name, value }) => ({ name, value: parseProfile(value, `profiles/${name}.json`).profile }));
}

export function eventFixtures(): Named<Record<string, unknown>>[] {
  return jsonFiles("events") as Named<Record<string, unknown>>[];
}

export function contentBlocks(): Record<string, string> {
  return JSON.parse(readFileSync(join(WEBHOOK_FIXTURES, "content-blocks.json"), "utf8")) as Record<string, string>;
}

export function connectedResponse(name: string): unknown {
  return JSON.parse(readFileSync(join(WEBHOOK_FIXTURES, "connected", `${name}.json`), "utf8"));
}

/** What a template's connected_content calls get: every call saves Rokt's token response, whatever the name it saves it under. */
export function connectedFor(template: string, response: unknown): Record<string, unknown> {
  return Object.fromEntries(connectedSaveNames(template).map((save) => [save, response]));
}

/** A render context of the fixtures: this user and event, the sample content blocks, Rokt's sample token. */
export function fixtureContext(webhook: ShippedWebhook, user: UserProfile, eventProperties: Record<string, unknown>, extra: Partial<RenderContext> = {}): RenderContext {
  const fields = [webhook.url, webhook.body, ...Object.values(webhook.headers)].join("\n");
  return {
    user,
    eventProperties,
    contentBlocks: contentBlocks(),
    connected: connectedFor(fields, connectedResponse("rokt-token")),
    now: new Date("2026-12-01T12:00:00Z"),
    ...extra,
  };
}
