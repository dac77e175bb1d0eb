/**
 * A failure the user can fix. The CLI prints each problem on one line and
 * exits 1; anything else escaping the build is a bug in the tool.
 */
export class BuildError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly string[] = [],
  ) {
    super([summary, ...problems].join("\n"));
    this.name = "BuildError";
  }
}

/** A failure that is a bug in the tool, as the other thread reports it: its stack where it has one. */
export function crashText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
