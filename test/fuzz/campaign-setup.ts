import { readFixtures } from "../../build/fixtures";
import { ROOT } from "../support/dist";
import type { Json } from "./mutations";

/** The documented payload of an event, from its test fixtures (copied from Regal's docs). */
export function documentedPayload(event: string): Json {
  const documented = readFixtures(ROOT, { source: "regal", event }).find((fixture) => fixture.name === "regal-documented");
  if (!documented) throw new Error(`no test/fixtures/regal/${event}/regal-documented.json`);
  return documented.data.payload as Json;
}

/** A fixed seed per snippet, so runs are reproducible; FUZZ_SEED explores others. */
export function seedFor(id: string): number {
  const base = process.env.FUZZ_SEED === undefined ? 20261121 : Number(process.env.FUZZ_SEED);
  let hash = base | 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash;
}
