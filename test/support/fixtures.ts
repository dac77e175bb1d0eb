import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readFixtures, type ExpectedError, type Fixture } from "../../build/fixtures";
import { ROOT } from "./dist";

export type { ExpectedError, Fixture, FixtureCase } from "../../build/fixtures";

export const FIXTURES = join(ROOT, "test", "fixtures");

export function discoverFixtures(): Fixture[] {
  return readFixtures(ROOT);
}

/** Rewrites a case's golden with what the snippet did now, keeping its other fields. */
export function updateGolden(fixture: Fixture, outcome: { expected: unknown } | { error: ExpectedError }): void {
  const { expected: _expected, error: _error, ...rest } = fixture.data;
  writeFileSync(fixture.path, `${JSON.stringify({ ...rest, ...outcome }, null, 2)}\n`);
}

export function displayFixture(fixture: Fixture): string {
  return relative(ROOT, fixture.path);
}
