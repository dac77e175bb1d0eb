import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SyntaxLevel } from "../../sandbox/engines";

const HERE = import.meta.dirname;
const SYNTAX_DIR = join(HERE, "syntax");

/** The engine probe, as pasted: a function body like every snippet. */
export function engineProbe(): string {
  return readFileSync(join(HERE, "engine-probe.js"), "utf8");
}

export interface SyntaxProbe {
  readonly level: SyntaxLevel;
  readonly code: string;
}

/**
 * One probe per syntax level, oldest first: newer syntax would stop the whole engine probe from
 * compiling, so each level is a snippet of its own (probe/engine/syntax/<level>.js).
 */
export function syntaxProbes(): SyntaxProbe[] {
  return readdirSync(SYNTAX_DIR)
    .filter((name) => /^es\d{4}\.js$/.test(name))
    .sort()
    .map((name) => ({ level: name.slice(0, -".js".length) as SyntaxLevel, code: readFileSync(join(SYNTAX_DIR, name), "utf8") }));
}

/** The fact a syntax probe reports: "syntax.es2020". */
export function syntaxFact(level: SyntaxLevel): string {
  return `syntax.${level}`;
}
