import { pathToFileURL } from "node:url";
import { checkPartnerRequest, type PartnerRequest } from "../../contract/partners/request";
import { LiquidTemplateError, ProfileError, parseProfile, renderWebhook, type RenderContext } from "../../liquid";
import type { WebhookTemplate } from "../../webhooks/lib/template";
import { projectAt } from "../project";
import { parseCommandArgs, UsageError } from "./args";
import { findWebhook } from "./find-webhook";
import { parseJson, parseNow, readText } from "./input-files";
import type { Io } from "./io";

/** Renders a built webhook template for one user as Braze would send it, and checks it against the partner's request schema. */
export async function renderCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: {
      user: { type: "string" },
      event: { type: "string" },
      canvas: { type: "string" },
      connected: { type: "string", multiple: true },
      "content-block": { type: "string", multiple: true },
      now: { type: "string" },
    },
    allowPositionals: true,
  });
  const [target, ...extra] = positionals;
  if (!target) throw new UsageError("bdt render needs a webhook template id (e.g. rokt/new-event) or a template file");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!values.user) throw new UsageError("bdt render needs --user profile.json (a Braze user: standard attributes and custom_attributes)");

  const project = projectAt(io.cwd);
  const { webhook, templateFile } = findWebhook(project, target);
  const profile = parseUser(readJson(io.cwd, values.user, "--user"), values.user);
  for (const warning of profile.warnings) io.err(`warning: ${values.user}: ${warning}`);
  const context: RenderContext = {
    user: profile.profile,
    eventProperties: values.event === undefined ? undefined : readObject(io.cwd, values.event, "--event"),
    canvasEntryProperties: values.canvas === undefined ? undefined : readObject(io.cwd, values.canvas, "--canvas"),
    connected: Object.fromEntries((values.connected ?? []).map((pair) => namedFile(pair, "--connected", (file) => readJson(io.cwd, file, "--connected")))),
    contentBlocks: Object.fromEntries((values["content-block"] ?? []).map((pair) => namedFile(pair, "--content-block", (file) => readText(io.cwd, file)))),
    now: values.now === undefined ? undefined : parseNow(values.now),
  };

  let sent;
  try {
    sent = await renderWebhook(webhook, context);
  } catch (error) {
    if (!(error instanceof LiquidTemplateError)) throw error;
    io.err(`error: ${webhook.id}: ${error.message}`);
    return 1;
  }
  if (!sent.sent) {
    io.err(`not sent (${sent.field}): ${sent.reason || `${webhook.id}: abort_message() without a reason`}`);
    return 1;
  }
  io.out(`${sent.method} ${sent.url}`);
  for (const [name, value] of Object.entries(sent.headers)) io.out(`${name}: ${value}`);
  io.out("");
  io.out(sent.body);
  return reportVerdict(io, webhook.id, templateFile === undefined ? undefined : await templateRequest(templateFile), sent);
}

function reportVerdict(io: Io, id: string, request: PartnerRequest | undefined, sent: Parameters<typeof checkPartnerRequest>[1]): number {
  if (!request) {
    io.err(`ok: ${id} rendered; not checked: it is not a template of this project's dist/, so its partner request is unknown`);
    return 0;
  }
  const problems = checkPartnerRequest(request, sent);
  if (problems.length > 0) {
    io.err(`error: ${id}: ${request.title} would refuse this request:`);
    for (const problem of problems) io.err(`  ${problem}`);
    return 1;
  }
  io.err(`ok: ${id}: a valid ${request.title} request`);
  return 0;
}

/** The partner request a template declares: its module is the one place that says. */
async function templateRequest(file: string): Promise<PartnerRequest> {
  return ((await import(pathToFileURL(file).href)) as { default: WebhookTemplate }).default.request;
}

function parseUser(json: unknown, file: string) {
  try {
    return parseProfile(json, file);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(error.message);
    throw error;
  }
}

/** `name=file`, as --connected and --content-block take them. */
function namedFile<T>(pair: string, option: string, read: (file: string) => T): [string, T] {
  const at = pair.indexOf("=");
  if (at <= 0 || at === pair.length - 1) throw new UsageError(`${option} takes name=file, got "${pair}"`);
  return [pair.slice(0, at), read(pair.slice(at + 1))];
}

function readJson(cwd: string, file: string, option: string): unknown {
  return parseJson(readText(cwd, file), `${option} ${file}`);
}

function readObject(cwd: string, file: string, option: string): Record<string, unknown> {
  const json = readJson(cwd, file, option);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new UsageError(`${option}: ${file} must hold a JSON object of properties`);
  return json as Record<string, unknown>;
}
