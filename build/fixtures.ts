import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The error a case expects: the deliberate error's name and its one-line message. */
export interface ExpectedError {
  readonly name: string;
  readonly message: string;
}

/**
 * `test/fixtures/<source>/<event>/<case>.json`. A case expects an output or an
 * error; `expectedFrom` marks outputs documented elsewhere (Braze's docs),
 * which `--update` never rewrites.
 */
export interface FixtureCase {
  readonly description?: string;
  readonly payload: unknown;
  readonly headers?: Record<string, string>;
  readonly expectedFrom?: string;
  readonly expected?: unknown;
  readonly error?: ExpectedError;
}

export interface Fixture {
  readonly source: string;
  readonly event: string;
  readonly name: string;
  readonly path: string;
  readonly data: FixtureCase;
}

/** A project's fixtures, in source, event and case order; only those of `source`/`event` when given. */
export function readFixtures(root: string, only: { source?: string; event?: string } = {}): Fixture[] {
  const dir = join(root, "test", "fixtures");
  return subdirectories(dir, only.source).flatMap((source) =>
    subdirectories(join(dir, source), only.event).flatMap((event) =>
      readdirSync(join(dir, source, event))
        .filter((file) => file.endsWith(".json"))
        .sort()
        .map((file) => {
          const path = join(dir, source, event, file);
          return { source, event, name: file.slice(0, -".json".length), path, data: JSON.parse(readFileSync(path, "utf8")) as FixtureCase };
        }),
    ),
  );
}

function subdirectories(dir: string, only: string | undefined): string[] {
  if (!existsSync(dir)) return [];
  const names = only === undefined ? readdirSync(dir).sort() : [only];
  return names.filter((name) => existsSync(join(dir, name)) && statSync(join(dir, name)).isDirectory());
}
