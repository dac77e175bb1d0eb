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
