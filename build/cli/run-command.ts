import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Destination } from "../../contract/schema";
import { validateRequest } from "../../contract/validate";
import { describeError, runSnippet } from "../../sandbox";
import type { Settings } from "../../transforms/lib/settings";
import { projectAt, type Project } from "../project";
import { findSnippet, type SnippetTarget } from "./find-snippet";
import { parseCommandArgs, UsageError } from "./args";
import { parseJson, parseNow, readText } from "./input-files";
import type { Io } from "./io";

/** Runs a built snippet on one payload in the sandbox and validates what it returns. */
export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { headers: { type: "string" }, now: { type: "string" }, settings: { type: "string" } },
    allowPositionals: true,
  });
  const [target, payloadArg = "-", ...extra] = positionals;
  if (!target) throw new UsageError("bdt run needs a transform id (e.g. regal/call.completed) or a snippet file");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  const project = projectAt(io.cwd, values.settings);
  const snippet = findSnippet(project, target);
  const input = parseInput(payloadArg === "-" ? await io.stdin() : readText(io.cwd, payloadArg), payloadArg);
  const headers = values.headers ? parseHeaders(readText(io.cwd, values.headers), values.headers) : input.headers;
  const now = values.now === undefined ? undefined : parseNow(values.now);

  const result = await runSnippet(snippet.code, input.payload, { headers, now });
  for (const line of result.logs) io.err(`console: ${line}`);
  if (!result.ok) {
    io.err(`error: ${snippet.label}: ${describeError(result.error)}`);
    return 1;
  }
  io.out(JSON.stringify(result.output, null, 2));
  const cost = describeCost(result.stats.cost, await costBudget(project));
  return reportVerdict(io, snippet, result.output, `in ${result.stats.durationMs.toFixed(1)} ms, ${cost}`);
}

/** The workspace's cost budget; the settings file is TypeScript, which bdt runs under tsx. */
async function costBudget(project: Project): Promise<number | undefined> {
  if (!existsSync(project.settingsFile)) return undefined;
  const settings = (await import(pathToFileURL(project.settingsFile).href)) as { default?: Partial<Settings> };
  return settings.default?.costBudget;
}

function describeCost(cost: number, budget: number | undefined): string {
  if (!budget) return `cost ${cost}`;
  return `cost ${cost} (${((cost / budget) * 100).toFixed(1)}% of the ${budget.toLocaleString("en-US")} budget)`;
}

function reportVerdict(io: Io, snippet: SnippetTarget, output: unknown, measurements: string): number {
  const destination: Destination = snippet.destination ?? guessDestination(output);
  const verdict = validateRequest(output, destination);
  if (!verdict.valid) {
    io.err(`error: ${snippet.label} returned an invalid ${destination} request: ${verdict.problems.join("; ")}`);
    return 1;
  }
  io.err(`ok: valid ${destination} request from ${snippet.label} ${measurements}`);
  return 0;
}

/** A snippet file outside the manifest: its output's shape says which endpoint it is for. */
function guessDestination(output: unknown): Destination {
  const catalog = typeof output === "object" && output !== null && "catalog_name" in output;
  return catalog ? "PUT /catalogs/{catalog_name}/items" : "POST /users/track";
}

interface Input {
  readonly payload: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * A payload file is the webhook body itself, or a test fixture
 * (`{ payload, headers?, expected }`): failing fixtures replay as they are.
 */
function parseInput(text: string, name: string): Input {
  const json = parseJson(text, name === "-" ? "standard input" : name);
  const fixture = typeof json === "object" && json !== null && !Array.isArray(json) && "payload" in json;
  if (!fixture) return { payload: json };
  const { payload, headers } = json as { payload: unknown; headers?: unknown };
  return { payload, headers: headers === undefined ? undefined : checkHeaders(headers, name) };
}

function parseHeaders(text: string, name: string): Record<string, string> {
  return checkHeaders(parseJson(text, name), name);
}

function checkHeaders(value: unknown, name: string): Record<string, string> {
  const ok = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!ok) throw new UsageError(`${name}: headers must be a JSON object of string values`);
  return value as Record<string, string>;
}
