import { describe, expect, test } from "vitest";
import { readManifest, snippetForEvent } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { runBuilt } from "../support/run-built";

const manifest = readManifest();
const routers = manifest.filter((snippet) => snippet.events.length > 1);
const perEvent = manifest.filter((snippet) => snippet.events.length === 1);

test("there is a router, and together with the per-event snippets of other destinations they cover every event", () => {
  expect(routers.map((router) => router.id)).toContain("regal/router");
  for (const router of routers) {
    const sameDestination = perEvent.filter((snippet) => snippet.source === router.source && snippet.destination === router.destination);
    expect(router.events, router.id).toEqual(sameDestination.map((snippet) => snippet.events[0]).sort());
  }
});

describe.each(routers.map((router) => [router.id, router] as const))("%s", (_id, router) => {
  const fixtures = discoverFixtures().filter((fixture) => fixture.source === router.source && router.events.includes(fixture.event));

  test.each(fixtures.map((fixture) => [`${fixture.event}/${fixture.name}`, fixture] as const))(
    "gives the per-event snippet's result for %s",
    async (_name, fixture) => {
      if (fixture.name === "misrouted") return;
      const own = await runBuilt(snippetForEvent(fixture.source, fixture.event)!, fixture.data.payload, fixture.data.headers);
      const routed = await runBuilt(router, fixture.data.payload, fixture.data.headers);
      const outcome = (result: typeof own) =>
        result.ok ? { output: result.output } : { kind: result.error.kind, name: result.error.name, message: result.error.message };
      expect(outcome(routed)).toEqual(outcome(own));
    },
  );

  test("refuses an event it does not handle, listing the ones it does", async () => {
    const result = await runBuilt(router, { name: "call.teleported", userId: "1" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe("MisroutedEventError");
      expect(result.error.message).toContain(`one of ${router.events.join(", ")}`);
      expect(result.error.message).toContain('payload.name is "call.teleported"');
    }
  });
});

test("an event's time is the same whatever encoding its timestamp came in", () => {
  const byEvent = new Map<string, Map<string, unknown>>();
  for (const fixture of discoverFixtures()) {
    if (!["regal-documented", "timestamp-number", "timestamp-iso"].includes(fixture.name)) continue;
    const expected = fixture.data.expected as { events?: { time: string }[]; items?: { updated_at: string }[] };
    const time = expected.events ? expected.events[0]!.time : expected.items && expected.items[0]!.updated_at;
    if (time === undefined) continue;
    const times = byEvent.get(fixture.event) ?? new Map<string, unknown>();
    byEvent.set(fixture.event, times.set(fixture.name, time));
  }
  expect(byEvent.size).toBeGreaterThanOrEqual(38);
  for (const [event, times] of byEvent) expect(new Set(times.values()).size, `${event}: ${JSON.stringify([...times])}`).toBe(1);
});
