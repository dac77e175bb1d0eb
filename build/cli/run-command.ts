import type { Destination } from "../../contract/schema";
import { validateRequest } from "../../contract/validate";
import { describeError, ENGINE_PROFILES, runSnippet, type EngineName, type SnippetError } from "../../sandbox";
import { projectAt, type Project } from "../project";
import type { SourcePosition } from "../source-position";
import { findSnippet } from "./find-snippet";
import { parseCommandArgs, UsageError } from "./args";
import { costBudget } from "./cost-budget";
import { chosenEngine } from "./engine-option";
import { requireFreshDist } from "./fresh-dist";
import { checkHeaders, parseNow, parseWebhookInput, readJson, readText } from "./input-files";
import type { Io } from "./io";

/** What one run did: `bdt run --json` prints it as it is. */
interface RunReport {
  readonly ok: boolean;
  readonly id: string;
  readonly output?: unknown;
  /** The endpoint the output was validated for. */
  readonly destination?: Destination;
  readonly error?: SnippetError;
  /** Where in TypeScript the error happened, when the snippet's source map says. */
  readonly source?: SourcePosition;
  /** The validator's problems with the output, when it is not a valid request. */
  readonly problems?: readonly string[];
  readonly engine: EngineName;
  readonly durationMs: number;
  /** QuickJS's interrupt checks; 0 in an engine that does not meter (ENGINE_PROFILES). */
  readonly cost: number;
}

/** Runs a built snippet on one payload in the sandbox and validates what it returns. */
export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { headers: { type: "string" }, now: { type: "string" }, settings: { type: "string" }, engine: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [target, payloadArg = "-", ...extra] = positionals;
  if (!target) throw new UsageError("bdt run needs a transform id (e.g. regal/call.completed) or a snippet file");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);

  const project = projectAt(io.cwd, values.settings);
  const snippet = findSnippet(project, target);
  const input = payloadArg === "-" ? parseWebhookInput(await io.stdin(), "standard input") : parseWebhookInput(readText(io.cwd, payloadArg), payloadArg);
  const headers = values.headers ? checkHeaders(readJson(io.cwd, values.headers), values.headers) : input.headers;
  const now = values.now === undefined ? undefined : parseNow(values.now);
  const engine = chosenEngine(project, values.engine);
  if (snippet.fromDist) requireFreshDist(project);

  const result = await runSnippet(snippet.code, input.payload, { headers, now, engine });
  for (const line of result.logs) io.err(`console: ${line}`);
  const measured = { engine, durationMs: result.stats.durationMs, cost: result.stats.cost };
  const run: RunReport = result.ok
    ? validated(snippet.label, result.output, snippet.destination ?? guessDestination(result.output), measured)
    : { ok: false, id: snippet.label, error: result.error, source: await errorSource(snippet.file, project.root, result.error), ...measured };
  if (values.json) io.out(JSON.stringify(run));
  else await printRun(io, run, project);
  return run.ok ? 0 : 1;
}

/** Only an error needs the source map reader (and the compiler, for the function's name): a run that works loads neither. */
const sourcePositions = () => import("../source-position");

async function errorSource(snippetFile: string, root: string, error: SnippetError): Promise<SourcePosition | undefined> {
  return (await sourcePositions()).errorSource(snippetFile, root, error);
}

function validated(id: string, output: unknown, destination: Destination, measured: Pick<RunReport, "engine" | "durationMs" | "cost">): RunReport {
  const verdict = validateRequest(output, destination);
  return verdict.valid ? { ok: true, id, output, destination, ...measured } : { ok: false, id, output, destination, problems: verdict.problems, ...measured };
}

/** The output as pretty JSON on stdout, so it can go to a file; the verdict, time and cost on stderr. */
async function printRun(io: Io, run: RunReport, project: Project): Promise<void> {
  if (run.error) {
    const place = run.source && (await sourcePositions()).describePlace(run.source, run.error);
    io.err(`error: ${run.id}: ${describeError(run.error, place)}`);
    return;
  }
  io.out(JSON.stringify(run.output, null, 2));
  if (run.problems) io.err(`error: ${run.id} returned an invalid ${run.destination} request: ${run.problems.join("; ")}`);
  else io.err(`ok: valid ${run.destination} request from ${run.id} in ${run.durationMs.toFixed(1)} ms, ${ENGINE_PROFILES[run.engine].metered ? describeCost(run.cost, await costBudget(project)) : `no cost counted in ${run.engine}`}`);
}

function describeCost(cost: number, budget: number | undefined): string {
  if (!budget) return `cost ${cost}`;
  return `cost ${cost} (${((cost / budget) * 100).toFixed(1)}% of the ${grouped(budget)} budget)`;
}

/** 1,000,000 as toLocaleString("en-US") writes it, without loading ICU's locale data for a whole-number budget (a tenth of bdt run's start). */
function grouped(count: number): string {
  return Number.isInteger(count) ? String(count).replace(/\B(?=(\d{3})+$)/g, ",") : count.toLocaleString("en-US");
}

/** A snippet file outside the manifest: only its output's shape says which endpoint it is for. */
function guessDestination(output: unknown): Destination {
  const catalog = typeof output === "object" && output !== null && "catalog_name" in output;
  return catalog ? "PUT /catalogs/{catalog_name}/items" : "POST /users/track";
}
