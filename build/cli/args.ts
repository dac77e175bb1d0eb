import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how bdt was called: exit code 2 and the usage text. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage:
  bdt build [--check [--json]] [--min] [--strict] [--watch] [--settings file.ts]
  bdt run <transform-id | path/to/snippet.js> [payload.json | -] [--headers headers.json] [--now ISO-8601] [--settings file.ts] [--json]
  bdt check [--settings file.ts]
  bdt render <template-id | path/to/template.json> --user profile.json [--event props.json] [--canvas props.json]
             [--connected save=response.json]... [--content-block name=file]... [--now ISO-8601] [--json]
  bdt new <source> <event> [--from payload.json]
  bdt serve [--port N] [--host 127.0.0.1] [--watch] [--log-size N] [--body-limit bytes]
  bdt capture save <request-id> [--name fixture-name] [--port N] [--host 127.0.0.1]`;

/** parseArgs with its exceptions turned into usage errors. */
export function parseCommandArgs<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
