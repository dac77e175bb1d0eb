import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { IdentifierSource } from "../../transforms/lib/settings";
import type { Path } from "./mutations";

/**
 * Where one source's webhooks carry what the invariants set and read, stated
 * per source in `test/fuzz/envelopes/<source>.ts` from the partner's docs,
 * independently of the source's envelope reader in transforms/: the tests
 * check that reader against it.
 */
export interface EnvelopeOracle {
  /** Per kind of identifier, the fields that may carry it, most trusted first. */
  readonly identity: Record<IdentifierSource, readonly Path[]>;
  /** The field holding the event's time, trusted over every other. */
  readonly time: Path;
  /** The object holding the event's own fields, which become event properties. */
  readonly properties: Path;
}

/** The oracle of `source`; a source without one fails with the file to add. */
export async function envelopeOf(source: string): Promise<EnvelopeOracle> {
  const file = join(import.meta.dirname, "envelopes", `${source}.ts`);
  if (!existsSync(file)) {
    throw new Error(`no test/fuzz/envelopes/${source}.ts: the property suites need where ${source}'s webhooks carry identifiers, time and properties (see test/fuzz/envelopes/regal.ts)`);
  }
  return ((await import(pathToFileURL(file).href)) as { default: EnvelopeOracle }).default;
}
