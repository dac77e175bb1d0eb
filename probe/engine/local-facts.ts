import { brazeHeaderName } from "../../contract/header-names";
import { runSnippet } from "../../sandbox";
import type { EngineName } from "../../sandbox/engines";
import { engineProbe, syntaxFact, syntaxProbes } from "./probes";
import { factsIn, type Facts } from "./facts";

/**
 * What the probes find in one local engine, given the header names Braze passed: the engine probe
 * and every syntax probe (a level whose probe does not compile reads false). The headers get the
 * Title-Case names `bdt serve` gives them, so a different key case in Braze shows as a difference.
 */
export async function localFacts(engine: EngineName, headerNames: readonly string[]): Promise<Facts> {
  const headers = Object.fromEntries(headerNames.map((name) => [brazeHeaderName(name), "probe"]));
  const ran = await runSnippet(engineProbe(), {}, { engine, headers });
  if (!ran.ok) throw new Error(`the engine probe failed in ${engine}: ${ran.error.message}`);
  const facts: Record<string, unknown> = { ...factsIn(ran.output, `${engine} run`) };
  for (const probe of syntaxProbes()) {
    const syntax = await runSnippet(probe.code, {}, { engine });
    facts[syntaxFact(probe.level)] = syntax.ok && factsIn(syntax.output, `${engine} ${probe.level}`)[syntaxFact(probe.level)] === true;
  }
  return facts;
}

/** The header names a probe's "headers.keys" fact lists. */
export function headerNamesIn(facts: Facts): string[] {
  const keys = facts["headers.keys"];
  if (typeof keys !== "string" || keys === "") return [];
  const names = keys.split(",");
  // A list cut at 255 characters ends in a partial name.
  return keys.endsWith("…") ? names.slice(0, -1) : names;
}
