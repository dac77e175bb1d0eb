import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { engineProbe, syntaxProbes } from "../../probe/engine/probes";
import { parseCommandArgs, UsageError } from "./args";
import type { Io } from "./io";

/**
 * `bdt probe` writes the engine probe (stdout, or every probe into --out), `bdt probe compare`
 * reads what Braze made of them; `--liquid` does the same for Braze's Liquid.
 */
export async function probeCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes("--liquid")) {
    const { probeLiquidCommand } = await import("./probe-liquid-command");
    return probeLiquidCommand(argv.filter((arg) => arg !== "--liquid"), io);
  }
  if (argv[0] === "compare") return (await import("./probe-compare-command")).probeCompareCommand(argv.slice(1), io);
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { syntax: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": bdt probe [--syntax <level> | --out <dir>], or bdt probe compare <output.json>…`);
  const probes = syntaxProbes();
  if (values.syntax !== undefined) {
    const probe = probes.find((candidate) => candidate.level === values.syntax);
    if (!probe) throw new UsageError(`--syntax: no probe for "${values.syntax}": one of ${probes.map((candidate) => candidate.level).join(", ")}`);
    io.out(probe.code.trimEnd());
    return 0;
  }
  if (values.out === undefined) {
    io.out(engineProbe().trimEnd());
    io.err("Paste this into a throwaway Braze Data Transformation, press Validate, save the output preview as a file");
    io.err("and run: bdt probe compare <file>   (syntax probes: bdt probe --syntax <level>, or bdt probe --out <dir>)");
    return 0;
  }
  const dir = resolve(io.cwd, values.out);
  mkdirSync(dir, { recursive: true });
  const files = [["engine-probe.js", engineProbe()], ...probes.map((probe) => [`syntax-${probe.level}.js`, probe.code])];
  for (const [name, code] of files) writeFileSync(join(dir, name!), code!);
  io.out(`wrote ${files.length} probes to ${values.out}: ${files.map(([name]) => name).join(", ")}`);
  io.err("Paste each into a throwaway Braze transformation and press Validate; save every output preview Braze shows");
  io.err("(a syntax probe Braze refuses has none), then: bdt probe compare <engine output> [<syntax outputs>…]");
  return 0;
}
