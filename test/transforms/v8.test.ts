import { expect, test } from "vitest";
import { DEFAULT_NOW } from "../../sandbox";
import { describeFailure, unlessEqual } from "../support/describe-failure";
import { readSnippet, snippetForEvent } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { runBuilt } from "../support/run-built";
import { runInV8 } from "../support/v8";

const fixtures = discoverFixtures();

test.each(fixtures.filter((fixture) => fixture.data.expectedFrom === "braze-docs").map((f) => [`${f.source}/${f.event}`, f] as const))(
  "%s returns Braze's documented output when run as a plain function body in V8",
  (_id, fixture) => {
    const snippet = snippetForEvent(fixture.source, fixture.event)!;
    const v8 = runInV8(readSnippet(snippet), fixture.data.payload);
    expect(v8, v8.ok ? undefined : describeFailure(snippet, v8)).toEqual({ ok: true, output: fixture.data.expected });
  },
);

/*
 * The same snippet must behave the same in V8 and in QuickJS: a difference
 * means it leans on one engine's quirks, and Braze's engine is undocumented.
 * Cases that depend on the clock are compared with V8's real clock excluded.
 */
test.each(fixtures.map((f) => [`${f.source}/${f.event}/${f.name}`, f] as const))("%s: V8 and QuickJS agree", async (_id, fixture) => {
  const snippet = snippetForEvent(fixture.source, fixture.event)!;
  const quickjs = await runBuilt(snippet, fixture.data.payload, fixture.data.headers);
  const code = readSnippet(snippet);
  const v8 = runInV8(code, fixture.data.payload, fixture.data.headers);
  const v8Failure = () => (v8.ok ? "V8 returned" : `V8: ${describeFailure(snippet, v8)}`);
  if (!quickjs.ok) {
    const inV8 = v8.ok ? v8 : { ok: false, name: v8.name, message: v8.message };
    const inQuickJS = { ok: false, name: quickjs.error.name, message: quickjs.error.message };
    expect(inV8, unlessEqual(inV8, inQuickJS, () => `QuickJS: ${describeFailure(snippet, quickjs.error)}; ${v8Failure()}`)).toEqual(inQuickJS);
    return;
  }
  const usesClock = JSON.stringify(quickjs.output).includes(new Date(DEFAULT_NOW).toISOString());
  expect(v8.ok, v8.ok ? undefined : v8Failure()).toBe(true);
  if (v8.ok && !usesClock) expect(v8.output).toEqual(quickjs.output);
});
