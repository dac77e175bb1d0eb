import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how bdt was called: exit code 2 and the usage text. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage:
  bdt build [--check [--json]] [--min] [--strict] [--watch] [--settings file.ts]
  bdt run <transform-id | path/to/snippet.js> [payload.json | -] [--headers headers.json] [--now ISO-8601] [--engine quickjs|v8] [--settings file.ts] [--json]
  bdt check [--settings file.ts]
  bdt render <template-id | path/to/template.json> --user profile.json [--event props.json] [--canvas props.json]
             [--connected save=response.json]... [--content-block name=file]... [--now ISO-8601] [--json]
  bdt new <source> <event> [--from payload.json]
  bdt serve [--port N] [--host 127.0.0.1] [--engine quickjs|v8] [--watch] [--log-size N] [--body-limit bytes]
  bdt capture save <request-id> [--name fixture-name] [--port N] [--host 127.0.0.1]
  bdt explain "<line of Braze's log>" [--snippet <transform-id | path/to/snippet.js>] [--settings file.ts]
  bdt probe [--syntax <level> | --out <dir>] | bdt probe compare <output.json>... [--save] [--json]
  bdt probe --liquid [--url <url>] [--out template.json] [--refused] | bdt probe compare --liquid <received.json> [--save] [--json]
  bdt verify <snippet.js | -> [--settings file.ts] [--json]`;

/** parseArgs with its exceptions turned into usage errors. */
export function parseCommandArgs<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
