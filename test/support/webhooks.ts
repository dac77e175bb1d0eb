import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PartnerRequest } from "../../contract/partners/request";
import { parseProfile, type RenderContext, type UserProfile } from "../../liquid";
import type { ShippedWebhook } from "../../build/webhooks/dist-files";
import type { WebhookTemplate } from "../../webhooks/lib/template";
import { DIST, ROOT } from "./dist";

export type { ShippedWebhook };

export const WEBHOOK_FIXTURES = join(ROOT, "test", "fixtures", "webhooks");

/** Every template the manifest lists, read from dist/: what users paste, so what every template test renders. */
export function shippedWebhooks(): ShippedWebhook[] {
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8")) as { webhooks: { file: string }[] };
  return manifest.webhooks.map((entry) => JSON.parse(readFileSync(join(DIST, entry.file), "utf8")) as ShippedWebhook);
}

/** The partner request a template declares, from its module. */
export async function requestOf(id: string): Promise<PartnerRequest> {
  const module = (await import(pathToFileURL(join(ROOT, "webhooks", `${id}.ts`)).href)) as { default: WebhookTemplate };
  return module.default.request;
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
  const saves = [...template.matchAll(/connected_content[^%]*:save\s+(\w+)/g)].map((match) => match[1] ?? "connected");
  return Object.fromEntries(saves.map((save) => [save, response]));
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
