import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { readFixtures } from "../../build/fixtures";
import { ROOT, readSnippet, type ManifestSnippet } from "../support/dist";
import { runInV8 } from "../support/v8";
import { envelopeOf, payloadPath, type Envelope, type IdentityField } from "./envelope";
import { mutatedPayload, type Json, type Mutation } from "./mutations";

/*
 * What the property suites learn about each built snippet, from the
 * manifest, the fixtures and the snippet itself, so that a new source or
 * event needs no change here.
 */

/**
 * An event's documented payload, `test/fixtures/<source>/<event>/<partner>-documented.json`
 * (the partner is the source id's first segment: "zendesk" for "zendesk/triggers"), else,
 * where the partner publishes no example, the one built from its field tables,
 * `<partner>-shape.json`: the mutations start from its shape.
 */
export function documentedPayload(source: string, event: string): Json {
  const partner = source.split("/")[0]!;
  const names = [`${partner}-documented`, `${partner}-shape`];
  const fixtures = readFixtures(ROOT, { source, event });
  const documented = names.map((name) => fixtures.find((fixture) => fixture.name === name)).find((fixture) => fixture !== undefined);
  if (!documented) {
    throw new Error(`no test/fixtures/${source}/${event}/${names[0]}.json (or ${names[1]}.json): the property suites start from each event's documented payload (see README, "Fixtures")`);
  }
  return documented.data.payload as Json;
}

/** Mutations of the documented payloads of every event the snippet handles, each probing its own event's envelope. */
export async function mutatedPayloads(snippet: ManifestSnippet): Promise<fc.Arbitrary<{ mutations: Mutation[]; payload: unknown }>> {
  const bases = await Promise.all(snippet.events.map(async (event) => ({ base: documentedPayload(snippet.source, event), envelope: await snippetEnvelope(snippet, event) })));
  // One arbitrary per event, built once: chaining would build an event's for every case.
  return fc.oneof(...bases.map(({ base, envelope }) => mutatedPayload(base, envelope)));
}

/** A fixed seed per snippet, so runs are reproducible; FUZZ_SEED explores others. */
export function seedFor(id: string): number {
  const base = process.env.FUZZ_SEED === undefined ? 20261121 : Number(process.env.FUZZ_SEED);
  let hash = base | 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Deliberate errors by which a documented payload may write nothing: the
 * mapping's own choice (an event off in the settings, a rule that applies to
 * no such webhook) or the settings' (a field no attribute is configured for).
 * Any other failure of a documented payload is a broken snippet or oracle.
 */
const WRITES_NOTHING = ["NotWrittenError", "UnmappedValueError"];

/** What the snippet writes for its first event's documented payload: the request's non-empty lists ("events", "attributes", "items"). */
export function writes(snippet: ManifestSnippet): ReadonlySet<string> {
  const outcome = runInV8(readSnippet(snippet), documentedPayload(snippet.source, snippet.events[0]!));
  if (!outcome.ok && WRITES_NOTHING.includes(outcome.name)) return new Set();
  if (!outcome.ok) throw new Error(`${snippet.id}: its documented payload gave ${outcome.name}: ${outcome.message}`);
  const request = outcome.output as Record<string, unknown>;
  return new Set(Object.keys(request).filter((key) => Array.isArray(request[key]) && request[key].length > 0));
}

/**
 * Whether the event may clear attributes (a change set reporting a removal),
 * as the generated mapping table `dist/<source>/README.md` says in its
 * "clears attributes" column; every other event must never write null.
 */
export function clearsAttributes(snippet: ManifestSnippet): boolean {
  return mappingTableCell(snippet, "clears attributes", "the null-attribute invariant") !== "never";
}

/**
 * Whether the event is off in the settings (its webhooks refused until the
 * settings turn it on), as the mapping table's "writes to Braze" column says
 * ("**off**: refused until …").
 */
export function isOff(snippet: ManifestSnippet): boolean {
  return mappingTableCell(snippet, "writes to Braze", "the off-by-default invariant").startsWith("**off**");
}

/** The snippet's cell of `column` in the generated mapping table `dist/<source>/README.md`. */
function mappingTableCell(snippet: ManifestSnippet, column: string, reader: string): string {
  const table = join("dist", snippet.source, "README.md");
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  const rows = readFileSync(join(ROOT, table), "utf8").split("\n").map(cells);
  const index = rows.find((row) => row.includes(column))?.indexOf(column);
  const row = rows.find((row) => row.includes(`\`${snippet.file}\``));
  const cell = index === undefined ? undefined : row?.[index];
  if (cell === undefined) throw new Error(`${table} has no "${column}" cell for ${snippet.file}: ${reader} reads it`);
  return cell;
}

/** A table's source of a value, as a mapping states it (transforms/lib/value-table.ts). */
export type ValueSource = string | { from: string; when: string } | { value: unknown } | { eventTime: true };

/** The mapping data a per-event snippet runs, as lib/mapping.ts types it (the parts the invariants read). */
export interface SnippetMapping {
  /** Identifier fields of the event's own, tried before the source's (paths as its tables name them). */
  readonly identity?: Readonly<Record<string, readonly string[]>>;
  readonly brazeEvents?: readonly { name: string; when?: Record<string, unknown> }[];
  readonly properties?: Record<string, ValueSource>;
  readonly attributes?: Record<string, ValueSource>;
  readonly [other: string]: unknown;
}

/**
 * The mapping object the snippet carries (`var <event> = {…}`, the third
 * argument of its `const transform = <shape>(source, "<event>", <mapping>,
 * settings)`), evaluated from the snippet's own declarations, which run
 * nothing; undefined for a snippet that carries none (a router, an event
 * off in the settings).
 */
export function mappingOf(snippet: ManifestSnippet): SnippetMapping | undefined {
  const code = readSnippet(snippet);
  const entry = /^const transform = \w+\(source, "[^"]*", (\w+), settings\);$/m.exec(code);
  if (!entry) return undefined;
  const declarations = code.slice(0, entry.index);
  const context = { mapping: undefined as unknown };
  runInNewContext(`mapping = JSON.stringify((function () {${declarations}\nreturn ${entry[1]};\n})());`, context, { timeout: 1000 });
  return JSON.parse(context.mapping as string) as SnippetMapping;
}

/**
 * The envelope of the snippet's event: its source's oracle, with the
 * identifier fields the snippet's mapping names first (an event that names
 * the user elsewhere, as a change of external id names the new one).
 */
export async function snippetEnvelope(snippet: ManifestSnippet, event = snippet.events[0]!): Promise<Envelope> {
  const envelope = await envelopeOf(snippet.source, event);
  const own = snippet.events.length === 1 ? mappingOf(snippet)?.identity : undefined;
  if (!own) return envelope;
  const identity: Record<string, readonly IdentityField[]> = { ...envelope.identity };
  for (const kind of Object.keys(own)) identity[kind] = [...own[kind]!.map((path) => payloadPath(envelope, path)), ...(identity[kind] ?? [])];
  return { ...envelope, identity };
}
