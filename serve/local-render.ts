import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Project } from "../build/project";
import type { ShippedWebhook } from "../build/webhooks/dist-files";
import { checkPartnerRequest, type PartnerRequest } from "../contract/partners/request";
import { connectedSaveNames, LiquidTemplateError, parseProfile, ProfileError, projectDialect, renderWebhook, type UserProfile } from "../liquid";
import type { Inspection } from "./request-log";

/** The profile a template is rendered for when the inspector is not told another (`?profile=`). */
export const DEFAULT_PROFILE = "test/fixtures/webhooks/profiles/plain.json";
const CONTENT_BLOCKS = "test/fixtures/webhooks/content-blocks.json";
const CONNECTED_ANSWER = "test/fixtures/webhooks/connected/rokt-token.json";

/**
 * The template rendered here as Braze would for `profilePath` (relative to
 * the project), with the fixtures' Content Blocks and the sample Connected
 * Content answer for every call, sent at `now`; and the partner's verdict.
 */
export async function renderLocally(project: Project, webhook: ShippedWebhook, request: PartnerRequest, profilePath: string, now: Date): Promise<Inspection["local"]> {
  const user = loadProfile(project, profilePath);
  if (typeof user === "string") return { sent: false, reason: user };
  const fields = [webhook.url, webhook.body, ...Object.values(webhook.headers)].join("\n");
  const connectedAnswer = optionalJson(project, CONNECTED_ANSWER);
  const context = {
    user,
    contentBlocks: (optionalJson(project, CONTENT_BLOCKS) ?? {}) as Record<string, string>,
    connected: Object.fromEntries(connectedSaveNames(fields).map((name) => [name, connectedAnswer])),
    now,
    dialect: projectDialect(project.root),
  };
  try {
    const sent = await renderWebhook(webhook, context);
    if (!sent.sent) return { sent: false, reason: `not sent (${sent.field}): ${sent.reason || "abort_message() without a reason"}` };
    const rendered = { method: sent.method, url: sent.url, headers: sent.headers, body: sent.body };
    return { sent: true, request: rendered, problems: checkPartnerRequest(request, rendered) };
  } catch (error) {
    if (error instanceof LiquidTemplateError) return { sent: false, reason: error.message };
    throw error;
  }
}

/** The profile at `path` in the project, or why there is none: the request Braze sent is shown all the same. */
function loadProfile(project: Project, path: string): UserProfile | string {
  const file = resolve(project.root, path);
  const inside = relative(project.root, file);
  if (isAbsolute(inside) || inside.split(sep)[0] === ".." || !file.endsWith(".json")) return `profile ${path}: give a .json file inside the project, e.g. ${DEFAULT_PROFILE}`;
  if (!existsSync(file)) return `profile ${path}: no such file in the project`;
  try {
    return parseProfile(JSON.parse(readFileSync(file, "utf8")), path).profile;
  } catch (error) {
    if (error instanceof ProfileError || error instanceof SyntaxError) return `profile ${path}: ${error.message}`;
    throw error;
  }
}

function optionalJson(project: Project, path: string): unknown {
  const file = join(project.root, path);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : undefined;
}
