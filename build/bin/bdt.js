#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no separate tool build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
