import { BuildError } from "../problems";
import { USAGE, UsageError } from "./args";
import { didYouMean } from "./did-you-mean";
import { InputError } from "./input-error";
import { processIo, type Io } from "./io";

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** Loaded on demand: `bdt build` need not load the sandbox, nor `bdt run` and `bdt render` the compiler. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import("./build-command")).buildCommand,
  run: async () => (await import("./run-command")).runCommand,
  check: async () => (await import("./check-command")).checkCommand,
  render: async () => (await import("./render-command")).renderCommand,
  new: async () => (await import("./new-command")).newCommand,
  serve: async () => (await import("./serve-command")).serveCommand,
  capture: async () => (await import("./capture-command")).captureCommand,
  explain: async () => (await import("./explain-command")).explainCommand,
  probe: async () => (await import("./probe-command")).probeCommand,
  verify: async () => (await import("./verify-command")).verifyCommand,
};

/** Runs one bdt command and returns its exit code: 0 ok, 1 failure, 2 usage. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    const load = name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new UsageError(name ? `unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}` : "no command given");
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bdt: ${error.message}`);
      io.err(USAGE);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof BuildError) {
      io.err(`bdt: ${error.summary}`);
      for (const problem of error.problems) io.err(`  ${problem}`);
      return 1;
    }
    throw error;
  }
}
