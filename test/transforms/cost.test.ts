import { expect, test } from "vitest";
import { runSnippet } from "../../sandbox";
import settings from "../../transforms/settings";
import { readManifest, readSnippet, snippetForEvent } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";

/*
 * Cost is deterministic (QuickJS interrupt checks in a fresh runtime), so a
 * budget can be a test: unlike time, it is the same on every machine.
 */
const fixtures = discoverFixtures();

test("no snippet exceeds the cost budget on any of its fixtures", async () => {
  const over: string[] = [];
  for (const fixture of fixtures) {
    const snippet = snippetForEvent(fixture.source, fixture.event)!;
    const result = await runSnippet(readSnippet(snippet), fixture.data.payload, { headers: fixture.data.headers });
    if (result.stats.cost > settings.costBudget) over.push(`${snippet.id} on ${fixture.name}: ${result.stats.cost} > ${settings.costBudget}`);
  }
  expect(over).toEqual([]);
});

/** The documented call.completed payload with `rows` of filler added, about `bytes` in all. */
function payloadOf(bytes: number): unknown {
  const documented = fixtures.find((f) => f.event === "call.completed" && f.name === "regal-documented")!.data.payload as { properties: object };
  const rows = Array.from({ length: Math.round(bytes / 100) }, (_, i) => ({ i, text: "x".repeat(80) }));
  return { ...documented, properties: { ...documented.properties, rows } };
}

test("cost is the same on every run and grows linearly with the payload", async () => {
  const code = readSnippet(readManifest().find((s) => s.id === "regal/call.completed")!);
  const costOf = async (bytes: number) => (await runSnippet(code, payloadOf(bytes), { timeoutMs: 10_000 })).stats.cost;
  expect(await costOf(250_000)).toBe(await costOf(250_000));
  const [small, large] = [await costOf(250_000), await costOf(1_000_000)];
  expect(small).toBeGreaterThan(10);
  // Four times the payload, four times the work: within 20%.
  expect(large / small).toBeGreaterThan(3.2);
  expect(large / small).toBeLessThan(4.8);
  expect(large).toBeLessThan(settings.costBudget);
});
