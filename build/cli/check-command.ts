import { projectAt } from "../project";
import { BuildError } from "../problems";
import { formatFinding, runStaticChecks } from "../static-checks";
import { parseCommandArgs } from "./args";
import type { Io } from "./io";

export async function checkCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs({ args: [...argv], options: { settings: { type: "string" } } });
  const findings = runStaticChecks(projectAt(io.cwd, values.settings));
  if (findings.length > 0) throw new BuildError(`static checks failed (${findings.length})`, findings.map(formatFinding));
  io.out("static checks passed");
  return 0;
}
