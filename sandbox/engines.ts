/** A syntax level by its ECMAScript edition, "es2018" to "es2025". */
export type SyntaxLevel = `es${number}`;

export type EngineName = "quickjs" | "v8";

/**
 * A local engine a snippet can run in. Braze does not document its own, so each profile is one
 * reading of it; `bdt probe compare` tells which one Braze behaves like.
 */
export interface EngineProfile {
  readonly name: EngineName;
  readonly summary: string;
  /** The newest syntax level the engine compiles (test/probe checks it against the syntax probes). */
  readonly syntax: SyntaxLevel;
  /** Whether `Intl` exists, so locale-dependent formatting can work at all. */
  readonly intl: boolean;
  /** Whether the run's memory budget is enforced and its cost (interpreter ticks) counted. */
  readonly metered: boolean;
}

export const ENGINE_PROFILES: Readonly<Record<EngineName, EngineProfile>> = {
  quickjs: {
    name: "quickjs",
    summary: "QuickJS 0.32 in wasm: time, memory and stack limits enforced, cost counted, no Intl",
    syntax: "es2025",
    intl: false,
    metered: true,
  },
  v8: {
    name: "v8",
    summary: "Node's V8 in a fresh vm context: the engine behind Cloudflare Workers; time limit only, no memory limit or cost",
    syntax: "es2024",
    intl: true,
    metered: false,
  },
};

export const ENGINE_NAMES = Object.keys(ENGINE_PROFILES) as EngineName[];

export function isEngineName(name: string): name is EngineName {
  return Object.prototype.hasOwnProperty.call(ENGINE_PROFILES, name);
}

/** Syntax levels compare by edition year. */
export function syntaxYear(level: SyntaxLevel): number {
  return Number(level.slice(2));
}
