import { describe, expect, inject, test } from "vitest";
import { describeFailure, unlessEqual } from "../support/describe-failure";
import { readManifest, snippetForEvent } from "../support/dist";
import { discoverFixtures, displayFixture, updateGolden, type Fixture } from "../support/fixtures";
import { runBuilt } from "../support/run-built";

/*
 * Every fixture runs through the BUILT snippet in dist/ (what is pasted into
 * Braze), in the sandbox, and is compared with its golden output or error.
 */
const fixtures = discoverFixtures();
const updating = inject("updateGoldens");

describe.each(groupByEvent(fixtures))("%s", (_id, cases) => {
  test.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", async (_name, fixture) => {
    const snippet = snippetForEvent(fixture.source, fixture.event);
    if (!snippet) throw new Error(`no snippet for ${fixture.source}/${fixture.event} in dist/manifest.json: run npm run build`);
    const result = await runBuilt(snippet, fixture.data.payload, fixture.data.headers);

    if (updating && !fixture.data.expectedFrom) {
      if (result.ok) updateGolden(fixture, { expected: result.output });
      else if (result.error.kind === "throw") updateGolden(fixture, { error: { name: result.error.name ?? "Error", message: result.error.message } });
      else throw new Error(`${displayFixture(fixture)}: the snippet failed (${result.error.kind}: ${result.error.message}), not writing a golden`);
      return;
    }
    if (fixture.data.error) {
      expect(result.ok, "the snippet should have thrown").toBe(false);
      if (!result.ok) {
        const thrown = { name: result.error.name, message: result.error.message };
        expect(thrown, unlessEqual(thrown, fixture.data.error, () => describeFailure(snippet, result.error))).toEqual(fixture.data.error);
      }
      return;
    }
    if (fixture.data.expected === undefined) {
      throw new Error(`${displayFixture(fixture)} has no golden yet: run npm test -- --update and review the diff`);
    }
    if (!result.ok) throw new Error(`the snippet failed: ${describeFailure(snippet, result.error)}`);
    expect(result.output).toEqual(fixture.data.expected);
    expect(result.output).toBeValidBrazeRequest(snippet.destination);
  });
});

test("every built snippet has fixtures for each event it handles", () => {
  const covered = new Set(fixtures.map((fixture) => `${fixture.source}/${fixture.event}`));
  const untested = readManifest().flatMap((snippet) =>
    snippet.events.map((event) => `${snippet.source}/${event}`).filter((id) => !covered.has(id)),
  );
  expect(untested).toEqual([]);
});

function groupByEvent(all: readonly Fixture[]): [string, Fixture[]][] {
  const groups = new Map<string, Fixture[]>();
  for (const fixture of all) {
    const id = `${fixture.source}/${fixture.event}`;
    groups.set(id, [...(groups.get(id) ?? []), fixture]);
  }
  return [...groups];
}
