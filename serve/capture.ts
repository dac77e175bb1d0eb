import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { FixtureCase } from "../build/fixtures";
import { displayPath, type Project } from "../build/project";
import { validateRequest } from "../contract/validate";
import { runSnippet } from "../sandbox";
import type { Source } from "../transforms/lib/source";
import type { JsonRecord } from "../transforms/lib/values";
import type { ServeContext } from "./exchange";
import { Rejection } from "./read-body";
import type { LoggedRequest } from "./request-log";
import { scrub } from "./scrub";

/** Headers about this hop, not the partner's webhook: a fixture without them reads the same on every machine. */
const TRANSPORT_HEADERS = new Set(["host", "connection", "keep-alive", "content-length", "transfer-encoding", "accept-encoding", "expect", "te", "upgrade"]);

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

export interface Captured {
  /** Relative to the project, forward slashes. */
  readonly path: string;
  readonly fixture: FixtureCase;
  /** Why `npm test` will fail on it, if it will: a fixture of a bug stays red until the bug is fixed. */
  readonly warning?: string;
}

/**
 * Writes a logged request as `test/fixtures/<source>/<event>/<name>.json`,
 * personal data scrubbed, its golden what the event's own snippet returns
 * for the scrubbed payload (the fixture suite runs that snippet, and a
 * router gives the same). Never overwrites a file.
 */
export async function captureFixture(context: Pick<ServeContext, "project" | "catalog" | "engine">, entry: LoggedRequest, requestedName?: string): Promise<Captured> {
  const { project, engine } = context;
  const catalog = context.catalog();
  const name = (requestedName ?? defaultName(entry)).replace(/\.json$/, "");
  if (!NAME.test(name)) throw new Rejection(400, "bad-name", `fixture name "${name}": use letters, digits, ".", "-" and "_" (at most 100)`);
  const snippet = entry.snippet === undefined ? undefined : catalog.snippets.get(entry.snippet);
  if (!snippet || entry.payload === undefined) throw new Rejection(409, "not-capturable", `request ${entry.id} ran no snippet of dist/ on a JSON body: only those become fixtures`);

  const source = await sourceReader(project, snippet.source);
  const event = snippet.events.length === 1 ? snippet.events[0]! : eventOf(source, entry.payload);
  const eventSnippet = catalog.snippets.get(`${snippet.source}/${event}`);
  if (!eventSnippet) throw new Rejection(409, "not-capturable", `${snippet.source} has no snippet for the event "${event}": fixtures live in the folder of an event dist/ has a snippet for`);

  const salt = scrubSalt(project);
  const payload = scrub(entry.payload, { salt, keep: [source.eventField] });
  const headers = scrub(Object.fromEntries(Object.entries(entry.headers).filter(([header]) => !TRANSPORT_HEADERS.has(header))), { salt });
  const result = await runSnippet(eventSnippet.code, payload, { headers, engine });
  if (!result.ok && result.error.kind !== "throw") {
    throw new Rejection(409, "not-capturable", `${eventSnippet.id} failed on the scrubbed payload (${result.error.kind}: ${result.error.message}): not a fixture`);
  }
  const fixture: FixtureCase = {
    description: `captured by bdt serve on ${entry.time.slice(0, 10)}, scrubbed`,
    payload,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(result.ok ? { expected: result.output } : { error: { name: result.error.name ?? "Error", message: result.error.message } }),
  };
  const file = join(project.root, "test", "fixtures", snippet.source, event, `${name}.json`);
  if (existsSync(file)) throw new Rejection(409, "exists", `${displayPath(project, file)} exists: give another name`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`, { flag: "wx" });
  const verdict = result.ok ? validateRequest(result.output, eventSnippet.destination) : { valid: true as const };
  const warning = verdict.valid ? undefined : `${eventSnippet.id} returns an invalid request for it (${verdict.problems.join("; ")}): npm test fails on this fixture until that is fixed`;
  return { path: displayPath(project, file), fixture, ...(warning === undefined ? {} : { warning }) };
}

async function sourceReader(project: Project, sourceId: string): Promise<Source> {
  const file = join(project.transformsDir, sourceId, "lib", "envelope.ts");
  if (!existsSync(file)) throw new Rejection(409, "not-capturable", `${displayPath(project, file)} is missing: the source's reader says which event a payload is`);
  return ((await import(pathToFileURL(file).href)) as { default: Source }).default;
}

function eventOf(source: Source, payload: unknown): string {
  const event = typeof payload === "object" && payload !== null && !Array.isArray(payload) ? source.eventOf(payload as JsonRecord) : undefined;
  if (typeof event !== "string" || event === "") throw new Rejection(409, "not-capturable", `the payload names no ${source.name} event (payload.${source.eventField}): capture it from a per-event snippet's URL`);
  return event;
}

/** `captured-20261201-120003-7`: ids restart with each server, so the time keeps default names apart. */
function defaultName(entry: LoggedRequest): string {
  return `captured-${entry.time.slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}-${entry.id}`;
}

/**
 * The salt of this clone's replacements, made on first use and kept out of
 * git (beside the build's own records in node_modules/.cache), so nobody
 * reading the committed fixtures can try values until one matches.
 */
function scrubSalt(project: Project): string {
  const file = join(project.root, "node_modules", ".cache", "bdt", "scrub-salt");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const salt = randomBytes(16).toString("hex");
  writeFileSync(file, `${salt}\n`);
  return salt;
}
