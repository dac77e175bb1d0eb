/** One probe's findings: fact name → what the engine answered. */
export type Facts = Readonly<Record<string, unknown>>;

/** The event every probe returns, so its output can be told from any other request. */
export const PROBE_EVENT = "bdt_engine_probe";

/** Facts named "measured.*" vary from run to run: reported, never compared. */
export function isMeasured(fact: string): boolean {
  return fact.startsWith("measured.");
}

/** Identify the probe and its version, and are not facts about the engine. */
const BOOKKEEPING = new Set(["probe"]);

export function isComparable(fact: string): boolean {
  return !isMeasured(fact) && !BOOKKEEPING.has(fact);
}

/**
 * The facts in a probe's output: the properties of its bdt_engine_probe event. Accepts the
 * request itself (Braze's Validate preview or Logs "transformation output") or `bdt run --json`'s
 * report around it. Throws a one-line message naming what is missing.
 */
export function factsIn(output: unknown, name: string): Facts {
  const request = isRecord(output) && isRecord(output.output) && "ok" in output ? output.output : output;
  if (!isRecord(request) || !Array.isArray(request.events)) {
    throw new Error(`${name}: not a probe's output: expected a /users/track request with an "events" array (copy Validate's output preview)`);
  }
  const event = request.events.find((candidate) => isRecord(candidate) && candidate.name === PROBE_EVENT);
  if (!isRecord(event) || !isRecord(event.properties)) {
    throw new Error(`${name}: no "${PROBE_EVENT}" event with properties: is this the output of a bdt probe snippet?`);
  }
  return event.properties;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
