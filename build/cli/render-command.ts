import { checkPartnerRequest, type PartnerRequest } from "../../contract/partners/request";
import { LiquidTemplateError, ObservedDialectError, ProfileError, parseProfile, projectDialect, renderWebhook, type RenderContext, type WebhookResult } from "../../liquid";
import { projectAt } from "../project";
import type { ShippedWebhook } from "../webhooks/dist-files";
import { parseCommandArgs, UsageError } from "./args";
import { findWebhook } from "./find-webhook";
import { requireFreshDist } from "./fresh-dist";
import { InputError } from "./input-error";
import { parseNow, readJson, readText } from "./input-files";
import type { Io } from "./io";
import { declaredPartnerRequest } from "./partner-request";

/** What one render did: `bdt render --json` prints it as it is. */
interface RenderReport {
  readonly sent: boolean;
  readonly method?: string;
  readonly url?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Why it was not sent: the field whose abort_message() stopped it, and its reason. */
  readonly field?: string;
  readonly reason?: string;
  /** A template Braze could not render (a filter it lacks): it would not be sent either. */
  readonly error?: string;
  /** The partner request it was checked against, and what that schema refuses; absent when nothing was checked (not sent, or a template that is not this project's). */
  readonly partnerRequest?: string;
  readonly problems?: readonly string[];
}

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
      json: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  const [target, ...extra] = positionals;
  if (!target) throw new UsageError("bdt render needs a webhook template id (e.g. rokt/new-event) or a template file");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!values.user) throw new UsageError("bdt render needs --user profile.json (a Braze user: standard attributes and custom_attributes)");

  const project = projectAt(io.cwd);
  const { webhook, request, fromDist } = findWebhook(project, target);
  const profile = parseUser(readJson(io.cwd, values.user), values.user);
  for (const warning of profile.warnings) io.err(`warning: ${values.user}: ${warning}`);
  const context: RenderContext = {
    user: profile.profile,
    eventProperties: values.event === undefined ? undefined : readObject(io.cwd, values.event),
    canvasEntryProperties: values.canvas === undefined ? undefined : readObject(io.cwd, values.canvas),
    connected: Object.fromEntries((values.connected ?? []).map((pair) => namedFile(pair, "--connected", (file) => readJson(io.cwd, file)))),
    contentBlocks: Object.fromEntries((values["content-block"] ?? []).map((pair) => namedFile(pair, "--content-block", (file) => readText(io.cwd, file)))),
    now: values.now === undefined ? undefined : parseNow(values.now),
    dialect: recordedDialect(project.root),
  };

  if (fromDist) requireFreshDist(project);

  const report = await render(webhook, context, request === undefined ? undefined : declaredPartnerRequest(request, webhook.id));
  if (values.json) io.out(JSON.stringify(report));
  else printRender(io, webhook.id, report);
  return report.sent && (report.problems ?? []).length === 0 ? 0 : 1;
}

async function render(webhook: ShippedWebhook, context: RenderContext, request: PartnerRequest | undefined): Promise<RenderReport> {
  let result: WebhookResult;
  try {
    result = await renderWebhook(webhook, context);
  } catch (error) {
    if (!(error instanceof LiquidTemplateError)) throw error;
    return { sent: false, error: error.message };
  }
  if (!result.sent) return { sent: false, field: result.field, reason: result.reason || `${webhook.id}: abort_message() without a reason` };
  const { method, url, headers, body } = result;
  if (!request) return { sent: true, method, url, headers, body };
  return { sent: true, method, url, headers, body, partnerRequest: request.title, problems: checkPartnerRequest(request, result) };
}

/** The request as Braze would send it on stdout, so it can go to a file; the partner schema's verdict on stderr. */
function printRender(io: Io, id: string, report: RenderReport): void {
  if (!report.sent) {
    io.err(report.error === undefined ? `not sent (${report.field}): ${report.reason}` : `error: ${id}: ${report.error}`);
    return;
  }
  io.out(`${report.method} ${report.url}`);
  for (const [name, value] of Object.entries(report.headers ?? {})) io.out(`${name}: ${value}`);
  io.out("");
  io.out(report.body ?? "");
  const problems = report.problems ?? [];
  if (report.partnerRequest === undefined) io.err(`ok: ${id} rendered; not checked: it is not a template of this project's dist/, so its partner request is unknown`);
  else if (problems.length > 0) {
    io.err(`error: ${id}: ${report.partnerRequest} would refuse this request:`);
    for (const problem of problems) io.err(`  ${problem}`);
  } else io.err(`ok: ${id}: a valid ${report.partnerRequest} request`);
}

/** Braze's Liquid as the project recorded it (contract/observed/liquid-dialect.json). */
function recordedDialect(root: string) {
  try {
    return projectDialect(root);
  } catch (error) {
    if (error instanceof ObservedDialectError) throw new InputError(error.message);
    throw error;
  }
}

function parseUser(json: unknown, file: string) {
  try {
    return parseProfile(json, file);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(error.message);
    throw error;
  }
}

/** `name=file`, as --connected and --content-block take them. */
function namedFile<T>(pair: string, option: string, read: (file: string) => T): [string, T] {
  const at = pair.indexOf("=");
  if (at <= 0 || at === pair.length - 1) throw new UsageError(`${option} takes name=file, got "${pair}"`);
  return [pair.slice(0, at), read(pair.slice(at + 1))];
}

function readObject(cwd: string, file: string): Record<string, unknown> {
  const json = readJson(cwd, file);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new InputError(`${file}: must hold a JSON object of properties`);
  return json as Record<string, unknown>;
}
