import { join } from "node:path";
import { InputError } from "../cli/input-error";
import { processIo } from "../cli/io";
import { projectAt } from "../project";
import { runCoverage } from "./coverage";

// As bdt does: snippets only use UTC, but a guest Date follows the host's zone.
process.env.TZ = "UTC";
const io = processIo();
try {
  await runCoverage(projectAt(io.cwd), join(io.cwd, "coverage"), io);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  io.err(`error: ${error.message}`);
  process.exitCode = 1;
}
