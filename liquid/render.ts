/**
 * Renders Braze webhook fields as Braze does: the URL, each header value and
 * the body each on its own, so nothing one assigns (or saves from
 * connected_content) is visible in another.
 */
import type { ConnectedCall, RenderContext } from "./context";
import { engineFor } from "./engine";
import { parsedBy } from "./parsed";
import { RenderState } from "./render-state";
import { MessageAborted } from "./tags";
import { rootCause, templateError } from "./template-error";

export type FieldResult =
  | { readonly sent: true; readonly text: string; readonly calls: readonly ConnectedCall[] }
  | { readonly sent: false; readonly reason: string; readonly calls: readonly ConnectedCall[] };

export interface WebhookFields {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type WebhookResult =
  | {
      readonly sent: true;
      readonly method: string;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly calls: readonly ConnectedCall[];
    }
  | { readonly sent: false; readonly field: string; readonly reason: string; readonly calls: readonly ConnectedCall[] };

/** Renders one composer field. `field` names it in errors ("url", "headers.Authorization", "body"); throws LiquidTemplateError. */
export async function renderField(template: string, context: RenderContext, field: string): Promise<FieldResult> {
  const state = new RenderState(context, field);
  try {
    const engine = engineFor(state.dialect);
    const templates = parsedBy(engine, state.prepare(template));
    // Nothing in Braze's Liquid waits (connected_content answers from fixtures): rendered without a promise per step.
    const text = String(engine.renderSync(templates, state.scope()));
    return { sent: true, text, calls: state.calls };
  } catch (error) {
    const cause = rootCause(error);
    if (cause instanceof MessageAborted) return { sent: false, reason: cause.reason, calls: state.calls };
    throw templateError(error, state);
  }
}

/** The abort that ends a webhook's render: which field, and why. */
class FieldAborted extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} aborted: ${reason}`);
  }
}

/** Renders URL, each header value, and body, each on its own (fresh scope per field); the first abort stops the send (reports which field aborted). */
export async function renderWebhook(webhook: WebhookFields, context: RenderContext): Promise<WebhookResult> {
  // One send time for every field, as Braze renders them for one send.
  const sendContext: RenderContext = { ...context, now: context.now ?? new Date() };
  const calls: ConnectedCall[] = [];
  const renderText = async (field: string, template: string): Promise<string> => {
    const result = await renderField(template, sendContext, field);
    calls.push(...result.calls);
    if (!result.sent) throw new FieldAborted(field, result.reason);
    return result.text;
  };
  try {
    const url = await renderText("url", webhook.url);
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(webhook.headers)) headers.push([name, await renderText(`headers.${name}`, value)]);
    const body = await renderText("body", webhook.body);
    return { sent: true, method: webhook.method, url, headers: Object.fromEntries(headers), body, calls };
  } catch (error) {
    if (error instanceof FieldAborted) return { sent: false, field: error.field, reason: error.reason, calls };
    throw error;
  }
}
