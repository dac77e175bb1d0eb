import { writeObservedEngine, type ObservedEngine } from "../observed-engine";
import { compareFacts, newestSyntax, type Comparison } from "../../probe/engine/compare";
import { factsIn, type Facts } from "../../probe/engine/facts";
import { headerNamesIn, localFacts } from "../../probe/engine/local-facts";
import { syntaxProbes } from "../../probe/engine/probes";
import { ENGINE_NAMES, type EngineName } from "../../sandbox/engines";
import { parseCommandArgs, UsageError } from "./args";
import { readJson } from "./input-files";
import { InputError } from "./input-error";
import type { Io } from "./io";
import { printComparison } from "./print-comparison";

/** `bdt probe compare <output.json>… [--save] [--json]`: which local engine behaves like Braze's. */
export async function probeCompareCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { save: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError("bdt probe compare needs the output Braze showed for the engine probe (and any syntax probes): bdt probe compare <output.json>…");
  const outputs = positionals.map((file) => ({ file, facts: readFacts(io.cwd, file) }));
  const levels = syntaxProbes().map((probe) => probe.level);
  const headerNames = headerNamesIn(outputs.find((output) => "headers.keys" in output.facts)?.facts ?? {});
  const locals: Partial<Record<EngineName, Facts>> = {};
  for (const engine of ENGINE_NAMES) locals[engine] = await localFacts(engine, headerNames);
  const braze = mergedFacts(outputs, locals[ENGINE_NAMES[0]!]!.probe);
  const comparison = compareFacts(braze, locals, levels);
  const saved = values.save ? save(io.cwd, braze, comparison, levels) : undefined;
  if (values.json) io.out(JSON.stringify({ matches: matching(comparison) ?? null, ...comparison, ...(saved ? { saved } : {}) }));
  else printComparison(io, comparison, saved);
  return matching(comparison) === undefined ? 1 : 0;
}

function readFacts(cwd: string, file: string): Facts {
  try {
    return factsIn(readJson(cwd, file), file);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) throw error;
    throw new InputError((error as Error).message);
  }
}

/**
 * One set of facts from the engine probe's output and the syntax probes' outputs. The engine
 * probe's version must be this bdt's: facts are compared by name.
 */
function mergedFacts(outputs: readonly { file: string; facts: Facts }[], version: unknown): Facts {
  const merged: Record<string, unknown> = {};
  let engineOutput = false;
  for (const { file, facts } of outputs) {
    const probe = String(facts.probe);
    if (probe.startsWith("bdt engine probe")) {
      if (probe !== version) throw new InputError(`${file}: made by "${probe}", this bdt's probe is "${String(version)}": paste the current one (bdt probe) and validate again`);
      engineOutput = true;
    } else if (!probe.startsWith("bdt syntax probe")) {
      throw new InputError(`${file}: not made by a bdt probe (its "probe" property is ${JSON.stringify(facts.probe)})`);
    }
    for (const [fact, value] of Object.entries(facts)) if (fact !== "probe") merged[fact] = value;
  }
  if (!engineOutput) throw new InputError(`none of ${outputs.map((output) => output.file).join(", ")} is the engine probe's output: run bdt probe, paste it into Braze, validate, and pass its output`);
  return merged;
}

function matching(comparison: Comparison): EngineName | undefined {
  const closest = comparison.profiles[0];
  return closest && closest.differences.length === 0 ? closest.engine : undefined;
}

/** Records the closest profile, the newest syntax Braze compiled and whether it has Intl. */
function save(root: string, braze: Facts, comparison: Comparison, levels: Parameters<typeof newestSyntax>[1]): ObservedEngine {
  const closest = comparison.profiles[0]!;
  const observed: ObservedEngine = {
    profile: closest.engine,
    syntax: newestSyntax(braze, levels),
    intl: braze["global.Intl"] === "object",
    probed: {
      on: new Date().toISOString().slice(0, 10),
      differences: closest.differences.length,
      syntaxProbes: levels.filter((level) => `syntax.${level}` in braze),
    },
  };
  writeObservedEngine(root, observed);
  return observed;
}
