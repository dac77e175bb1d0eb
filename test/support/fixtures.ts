import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readFixtures, type ExpectedError, type Fixture } from "../../build/fixtures";
import { ROOT } from "./dist";

export type { ExpectedError, Fixture, FixtureCase } from "../../build/fixtures";

export const FIXTURES = join(ROOT, "test", "fixtures");

export function discoverFixtures(): Fixture[] {
  return readFixtures(ROOT);
}

/** An unquoted integer too long for a double: JSON.parse rounds it, as Braze's engine would. */
const LONG_INTEGER = /(?<=[:[,]\s*)-?\d{16,}(?=\s*[,}\]])/g;

/**
 * Rewrites a case's golden with what the snippet did now, keeping its other
 * fields. A long integer in the payload is written back as the partner sent
 * it (Zendesk's 26-digit sequence ids), not as JSON.parse rounded it.
 */
export function updateGolden(fixture: Fixture, outcome: { expected: unknown } | { error: ExpectedError }): void {
  const { expected: _expected, error: _error, ...rest } = fixture.data;
  let text = `${JSON.stringify({ ...rest, ...outcome }, null, 2)}\n`;
  for (const literal of new Set(readFileSync(fixture.path, "utf8").match(LONG_INTEGER) ?? [])) {
    text = text.replace(new RegExp(`(?<=[:[,]\\s*)${escapeRegExp(String(Number(literal)))}(?=\\s*[,}\\]])`, "g"), literal);
  }
  writeFileSync(fixture.path, text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function displayFixture(fixture: Fixture): string {
  return relative(ROOT, fixture.path);
}
