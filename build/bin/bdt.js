#!/usr/bin/env node
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { freshBundle } from "../cli-bundle/stamp.js";

// Snippets only use UTC, but the sandbox's guest Date follows the host zone: pin it so runs match everywhere.
process.env.TZ = "UTC";
const argv = process.argv.slice(2);
// One run of one snippet: V8's optimizing compile of the QuickJS wasm would not finish in time to help it, and the process
// would wait about 0.1 s at exit for it (bdt run took 0.3 s, 0.2 s with this). Processes that run many (serve, the tests) keep it.
if (argv[0] === "run") setFlagsFromString("--liftoff-only");
const { main } = await import(await cliEntry(argv[0]));
process.exitCode = await main(argv);

/**
 * The CLI precompiled to JavaScript (build/cli-bundle), for the commands it
 * serves, while it is built from the sources as they are; otherwise the
 * TypeScript itself, which tsx compiles on the fly.
 */
async function cliEntry(command) {
  const bundle = freshBundle(fileURLToPath(new URL("../..", import.meta.url)));
  if (bundle?.commands.includes(command)) return pathToFileURL(bundle.entry).href;
  const { register } = await import("tsx/esm/api");
  register();
  return "../cli/main.ts";
}
