import { describe, expect, test } from "vitest";
import { readManifest, snippetForEvent } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { runBuilt } from "../support/run-built";

const manifest = readManifest();
const routers = manifest.filter((snippet) => snippet.events.length > 1);
const perEvent = manifest.filter((snippet) => snippet.events.length === 1);

test("every source has a router for each destination more than one of its events writes to, covering exactly those events", () => {
  const expected = new Map<string, string[]>();
  for (const snippet of perEvent) {
    const key = `${snippet.source} ${snippet.destination}`;
    expected.set(key, [...(expected.get(key) ?? []), snippet.events[0]!]);
  }
  const routed = new Map(routers.map((router) => [`${router.source} ${router.destination}`, [...router.events]]));
  for (const [key, events] of expected) {
    if (events.length > 1) expect(routed.get(key), key).toEqual(events.sort());
    else expect(routed.has(key), key).toBe(false);
  }
  expect(routed.size).toBe([...expected.values()].filter((events) => events.length > 1).length);
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
    const result = await runBuilt(router, { name: "call.teleported", type: "call.teleported", event: "call.teleported", userId: "1" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe("MisroutedEventError");
      expect(result.error.message).toContain(`one of ${router.events.join(", ")}`);
      expect(result.error.message).toMatch(/payload\.\w+ is "call\.teleported"/);
    }
  });
});

test("an event's time is the same whatever encoding its timestamp came in", () => {
  const byEvent = new Map<string, Map<string, unknown>>();
  for (const fixture of discoverFixtures()) {
    if (![`${fixture.source}-documented`, "timestamp-number", "timestamp-iso"].includes(fixture.name)) continue;
    const expected = fixture.data.expected as { events?: { time: string }[]; items?: { updated_at: string }[] };
    const time = expected.events ? expected.events[0]!.time : expected.items && expected.items[0]!.updated_at;
    if (time === undefined) continue;
    const times = byEvent.get(fixture.event) ?? new Map<string, unknown>();
    byEvent.set(fixture.event, times.set(fixture.name, time));
  }
  const timed = [...byEvent].filter(([, times]) => times.size > 1);
  expect(timed.length).toBeGreaterThan(0);
  for (const [event, times] of timed) expect(new Set(times.values()).size, `${event}: ${JSON.stringify([...times])}`).toBe(1);
});
