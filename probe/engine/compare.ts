import { ENGINE_PROFILES, type EngineName, type SyntaxLevel } from "../../sandbox/engines";
import { isComparable, isMeasured, type Facts } from "./facts";
import { syntaxFact } from "./probes";

/** How a fact absent from one side's output shows. */
export const ABSENT = "(absent)";

export interface FactDifference {
  readonly fact: string;
  readonly braze: unknown;
  readonly local: unknown;
}

export interface ProfileComparison {
  readonly engine: EngineName;
  readonly summary: string;
  readonly differences: readonly FactDifference[];
}

export interface Measurement {
  readonly fact: string;
  readonly braze: unknown;
  readonly local: Readonly<Partial<Record<EngineName, unknown>>>;
}

export interface Comparison {
  /** Fewest differences first. */
  readonly profiles: readonly ProfileComparison[];
  /** Syntax levels whose probe output Braze's side did not include: neither compared nor assumed. */
  readonly syntaxNotProbed: readonly SyntaxLevel[];
  readonly measured: readonly Measurement[];
}

/**
 * Braze's facts against each local engine's, fact by fact. A syntax level counts only when its
 * probe's output was given: a level Braze refused to compile leaves no output to give.
 */
export function compareFacts(braze: Facts, locals: Readonly<Partial<Record<EngineName, Facts>>>, levels: readonly SyntaxLevel[]): Comparison {
  const syntaxNotProbed = levels.filter((level) => !(syntaxFact(level) in braze));
  const skipped = new Set(syntaxNotProbed.map(syntaxFact));
  const engines = Object.keys(locals) as EngineName[];
  const profiles = engines.map((engine): ProfileComparison => {
    const local = locals[engine]!;
    const names = [...new Set([...Object.keys(braze), ...Object.keys(local)])].filter((fact) => isComparable(fact) && !skipped.has(fact));
    const differences = names
      .filter((fact) => !sameValue(braze[fact], local[fact]))
      .map((fact) => ({ fact, braze: shown(braze, fact), local: shown(local, fact) }));
    return { engine, summary: ENGINE_PROFILES[engine].summary, differences };
  });
  profiles.sort((a, b) => a.differences.length - b.differences.length);
  const measured = Object.keys(braze)
    .filter(isMeasured)
    .map((fact) => ({ fact, braze: braze[fact], local: Object.fromEntries(engines.map((engine) => [engine, locals[engine]![fact]])) }));
  return { profiles, syntaxNotProbed, measured };
}

function shown(facts: Facts, fact: string): unknown {
  return fact in facts ? facts[fact] : ABSENT;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The newest syntax level Braze compiled, by the probes given (every level implies the older ones). */
export function newestSyntax(braze: Facts, levels: readonly SyntaxLevel[]): SyntaxLevel {
  const compiled = levels.filter((level) => braze[syntaxFact(level)] === true);
  return compiled.length === 0 ? "es2018" : compiled[compiled.length - 1]!;
}
