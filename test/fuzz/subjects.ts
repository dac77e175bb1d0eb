import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readFixtures } from "../../build/fixtures";
import { ROOT, readSnippet, type ManifestSnippet } from "../support/dist";
import { runInV8 } from "../support/v8";
import { envelopeOf } from "./envelope";
import { mutatedPayload, type Json, type Mutation } from "./mutations";

/*
 * What the property suites learn about each built snippet, from the
 * manifest, the fixtures and the snippet itself, so that a new source or
 * event needs no change here.
 */

/** An event's documented payload, `test/fixtures/<source>/<event>/<source>-documented.json`: the mutations start from its shape. */
export function documentedPayload(source: string, event: string): Json {
  const name = `${source}-documented`;
  const documented = readFixtures(ROOT, { source, event }).find((fixture) => fixture.name === name);
  if (!documented) {
    throw new Error(`no test/fixtures/${source}/${event}/${name}.json: the property suites start from each event's documented payload (see README, "Fixtures")`);
  }
  return documented.data.payload as Json;
}

/** Mutations of the documented payloads of every event the snippet handles. */
export async function mutatedPayloads(snippet: ManifestSnippet): Promise<fc.Arbitrary<{ mutations: Mutation[]; payload: unknown }>> {
  const { identity } = await envelopeOf(snippet.source);
  return fc.constantFrom(...snippet.events.map((event) => documentedPayload(snippet.source, event))).chain((base) => mutatedPayload(base, identity));
}

/** A fixed seed per snippet, so runs are reproducible; FUZZ_SEED explores others. */
export function seedFor(id: string): number {
  const base = process.env.FUZZ_SEED === undefined ? 20261121 : Number(process.env.FUZZ_SEED);
  let hash = base | 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash;
}

/** What the snippet writes for its first event's documented payload: the request's non-empty lists ("events", "attributes", "items"). */
export function writes(snippet: ManifestSnippet): ReadonlySet<string> {
  const outcome = runInV8(readSnippet(snippet), documentedPayload(snippet.source, snippet.events[0]!));
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
  const table = join("dist", snippet.source, "README.md");
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  const rows = readFileSync(join(ROOT, table), "utf8").split("\n").map(cells);
  const column = rows.find((row) => row.includes("clears attributes"))?.indexOf("clears attributes");
  const row = rows.find((row) => row.includes(`\`${snippet.file}\``));
  const cell = column === undefined ? undefined : row?.[column];
  if (cell === undefined) throw new Error(`${table} has no "clears attributes" cell for ${snippet.file}: the null-attribute invariant reads it`);
  return cell !== "never";
}
