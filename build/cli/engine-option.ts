import { engineToRun } from "../observed-engine";
import type { EngineName } from "../../sandbox/engines";
import type { Project } from "../project";
import { UsageError } from "./args";
import { InputError } from "./input-error";

/** `--engine` wins over BDT_ENGINE, which wins over the engine `bdt probe compare --save` recorded. */
export function chosenEngine(project: Project, flag: string | undefined): EngineName {
  const [requested, from] = flag === undefined ? [process.env.BDT_ENGINE, "BDT_ENGINE"] : [flag, "--engine"];
  try {
    return engineToRun(project.root, requested, from);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw new InputError((error as Error).message);
  }
}
