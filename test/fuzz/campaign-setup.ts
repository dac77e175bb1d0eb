import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "../support/fixtures";
import type { Json } from "./mutations";

/** The documented payload of an event, from its test fixtures (copied from Regal's docs). */
export function documentedPayload(event: string): Json {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, "regal", event, "regal-documented.json"), "utf8")) as { payload: Json };
  return fixture.payload;
}

/** A fixed seed per snippet, so runs are reproducible; FUZZ_SEED explores others. */
export function seedFor(id: string): number {
  const base = process.env.FUZZ_SEED === undefined ? 20261121 : Number(process.env.FUZZ_SEED);
  let hash = base | 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash;
}
