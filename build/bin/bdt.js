#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no separate tool build.
import { register } from "tsx/esm/api";

// Snippets only use UTC, but the sandbox's guest Date follows the host zone: pin it so runs match everywhere.
process.env.TZ = "UTC";
register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
