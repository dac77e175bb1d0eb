import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./dist";

export const FIXTURES = join(ROOT, "test", "fixtures");

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

export function discoverFixtures(): Fixture[] {
  return sorted(FIXTURES).flatMap((source) =>
    isDir(join(FIXTURES, source))
      ? sorted(join(FIXTURES, source))
          .filter((event) => isDir(join(FIXTURES, source, event)))
          .flatMap((event) =>
            sorted(join(FIXTURES, source, event))
              .filter((file) => file.endsWith(".json"))
              .map((file) => readFixture(source, event, file)),
          )
      : [],
  );
}

function readFixture(source: string, event: string, file: string): Fixture {
  const path = join(FIXTURES, source, event, file);
  return { source, event, name: file.slice(0, -".json".length), path, data: JSON.parse(readFileSync(path, "utf8")) as FixtureCase };
}

/** Rewrites a case's golden with what the snippet did now, keeping its other fields. */
export function updateGolden(fixture: Fixture, outcome: { expected: unknown } | { error: ExpectedError }): void {
  const { expected: _expected, error: _error, ...rest } = fixture.data;
  writeFileSync(fixture.path, `${JSON.stringify({ ...rest, ...outcome }, null, 2)}\n`);
}

export function displayFixture(fixture: Fixture): string {
  return relative(ROOT, fixture.path);
}

function sorted(dir: string): string[] {
  return readdirSync(dir).sort();
}

function isDir(path: string): boolean {
  return statSync(path).isDirectory();
}
