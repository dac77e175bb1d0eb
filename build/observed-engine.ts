import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ENGINE_NAMES, ENGINE_PROFILES, syntaxYear, type EngineName, type SyntaxLevel } from "../sandbox/engines";

const SyntaxLevelSchema = z.string().regex(/^es20\d\d$/, 'a syntax level like "es2018"') as unknown as z.ZodType<SyntaxLevel>;

/**
 * What Braze's engine was found to be, as `bdt probe compare --save` recorded it: the local
 * profile that behaves like it, the newest syntax level Braze compiled and whether it has Intl.
 * Until a probe, the conservative reading: QuickJS, ES2018 (the newest syntax Braze's own
 * templates prove), no Intl.
 */
const ObservedEngineSchema = z.strictObject({
  profile: z.enum(ENGINE_NAMES as [EngineName, ...EngineName[]]),
  syntax: SyntaxLevelSchema,
  intl: z.boolean(),
  probed: z
    .strictObject({
      on: z.string(),
      differences: z.number().int().min(0),
      syntaxProbes: z.array(SyntaxLevelSchema),
    })
    .nullable(),
});
export type ObservedEngine = z.infer<typeof ObservedEngineSchema>;

export const OBSERVED_ENGINE_FILE = "contract/observed/javascript-engine.json";

/** Before any probe: what Braze's own templates prove, in the engine with every limit enforced. */
const UNPROBED: ObservedEngine = { profile: "quickjs", syntax: "es2018", intl: false, probed: null };

/** The recorded engine; the unprobed reading in a project that has no record. */
export function readObservedEngine(root: string): ObservedEngine {
  const file = join(root, OBSERVED_ENGINE_FILE);
  if (!existsSync(file)) return UNPROBED;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${OBSERVED_ENGINE_FILE}: ${(error as Error).message}`);
  }
  const result = ObservedEngineSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${OBSERVED_ENGINE_FILE}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

export function writeObservedEngine(root: string, engine: ObservedEngine): void {
  writeFileSync(join(root, OBSERVED_ENGINE_FILE), `${JSON.stringify(engine, null, 2)}\n`);
}

/**
 * What the static checks allow: no newer syntax, and Intl only, when both Braze (as probed)
 * and the local profile the tests run in have it.
 */
export function allowedByEngine(engine: ObservedEngine): { syntax: SyntaxLevel; intl: boolean } {
  const local = ENGINE_PROFILES[engine.profile];
  const syntax = syntaxYear(engine.syntax) <= syntaxYear(local.syntax) ? engine.syntax : local.syntax;
  return { syntax, intl: engine.intl && local.intl };
}

/**
 * The engine to run in: the one asked for (a --engine flag, or BDT_ENGINE), else the recorded
 * profile. `from` names where the request came from, for the error.
 */
export function engineToRun(root: string, requested: string | undefined, from: string): EngineName {
  if (requested === undefined || requested === "") return readObservedEngine(root).profile;
  if (!(ENGINE_NAMES as string[]).includes(requested)) {
    throw new RangeError(`${from}: no engine "${requested}": one of ${ENGINE_NAMES.join(", ")}`);
  }
  return requested as EngineName;
}
