import { join } from "node:path";
import { InputError } from "../build/cli/input-error";
import { readManifest } from "../build/manifest";
import { errorSource, type SourcePosition } from "../build/source-position";
import { validateRequest } from "../contract/validate";
import type { RunResult, SnippetError } from "../sandbox";
import type { CatalogSnippet } from "./dist-catalog";
import type { Exchange, Outcome, ServeContext } from "./exchange";
import { brazeHeaders, errorBody } from "./http";
import { parseJsonBody, readBody } from "./read-body";

const OVER_DEADLINE = Symbol("over deadline");

/**
 * A transformation's webhook URL: runs the snippet on the body with the
 * request's headers, as Braze does, and answers what `bdt run` prints: 200
 * with the output when it is a valid request, else 422 with the error or the
 * validator's problems.
 */
export async function transformEndpoint(context: ServeContext, exchange: Exchange, snippet: CatalogSnippet): Promise<Outcome> {
  const text = await readBody(exchange.request, context.bodyLimit);
  const payload = parseJsonBody(text, exchange.headers["content-type"]);
  const abandoned = new AbortController();
  const remaining = context.deadlineMs - (performance.now() - exchange.started);
  const result = await withDeadline(context.runners.run(snippet, payload, brazeHeaders(exchange.headers), abandoned.signal), remaining);
  if (result === OVER_DEADLINE || result === undefined) {
    abandoned.abort();
    const error = { kind: "over-deadline", message: `no answer within ${context.deadlineMs} ms (Regal waits 5 s): ${snippet.id} is still running or queued behind other runs` };
    return { status: 503, json: errorBody(error), log: { verdict: "error", payload, error } };
  }
  const ran = { payload, logs: result.logs };
  if (!result.ok) {
    const source = failureSource(context, snippet, result.error);
    return { status: 422, json: errorBody(result.error, source ? { source } : {}), log: { verdict: "error", ...ran, error: result.error } };
  }
  const verdict = validateRequest(result.output, snippet.destination);
  if (!verdict.valid) {
    const error = { kind: "invalid-request", message: `${snippet.id} returned an invalid ${snippet.destination} request` };
    return {
      status: 422,
      json: errorBody(error, { problems: verdict.problems, output: result.output }),
      log: { verdict: "invalid", ...ran, output: result.output, error, problems: verdict.problems },
    };
  }
  return { status: 200, json: result.output, log: { verdict: "ok", ...ran, output: result.output } };
}

/** Where in TypeScript the run failed, as `bdt run --json` says it: from the map beside the snippet, while dist/ still holds the snippet that ran. */
function failureSource(context: ServeContext, snippet: CatalogSnippet, error: SnippetError): SourcePosition | undefined {
  try {
    const entry = readManifest(context.project).snippets.find((shipped) => shipped.id === snippet.id && shipped.sha256 === snippet.sha256);
    return entry && errorSource(join(context.project.distDir, entry.file), context.project.root, error);
  } catch (error) {
    // A build is rewriting dist/ (the catalog reads it again shortly): the answer has no source this once.
    if (error instanceof SyntaxError || error instanceof InputError) return undefined;
    throw error;
  }
}

/** The run, or OVER_DEADLINE if it has not settled in `ms`; a run already going finishes (a sandbox run cannot be cut short from outside). */
async function withDeadline(run: Promise<RunResult | undefined>, ms: number): Promise<RunResult | undefined | typeof OVER_DEADLINE> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof OVER_DEADLINE>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), OVER_DEADLINE)));
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
