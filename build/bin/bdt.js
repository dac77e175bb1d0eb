#!/usr/bin/env node
import { fileURLToPath, pathToFileURL } from "node:url";
import { freshBundle } from "../cli-bundle/stamp.js";

// Snippets only use UTC, but the sandbox's guest Date follows the host zone: pin it so runs match everywhere.
process.env.TZ = "UTC";
const argv = process.argv.slice(2);
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
