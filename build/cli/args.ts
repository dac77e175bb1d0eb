import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how bdt was called: exit code 2 and the usage text. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage:
  bdt build [--check] [--min] [--strict] [--watch] [--settings file.ts]
  bdt run <transform-id | path/to/snippet.js> [payload.json | -] [--headers headers.json] [--now ISO-8601] [--settings file.ts]
  bdt check [--settings file.ts]
  bdt render <template-id | path/to/template.json> --user profile.json [--event props.json] [--canvas props.json]
             [--connected save=response.json]... [--content-block name=file]... [--now ISO-8601]`;

/** parseArgs with its exceptions turned into usage errors. */
export function parseCommandArgs<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
