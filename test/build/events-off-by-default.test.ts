import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { projectAt } from "../../build/project";
import { runSnippet } from "../../sandbox";
import { ROOT, readManifest, readSnippet } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { scratchProject } from "../support/scratch-project";
import { sharedBuild, type SharedBuild } from "../support/shared-build";
import type { SourceSettings } from "../../transforms/lib/settings";
import settings from "../../transforms/settings";

/*
 * Events off by default ship as snippets that refuse every webhook (the
 * committed dist/ shows which), so their mappings never run there. Here they
 * are built again, in a scratch copy that adds their modules, with every one
 * of them turned on in the settings, and their fixtures' payloads must then
 * give valid Braze requests (or deliberate errors).
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());
const DELIBERATE = ["MissingIdentityError", "NotWrittenError", "UnmappedValueError", "MisroutedEventError", "InvalidPayloadError"];

let off: { source: string; event: string }[];
let built: SharedBuild;
beforeAll(async () => {
  off = readManifest()
    .filter((snippet) => snippet.events.length === 1 && /\bdisabledEvent\(source, /.test(readSnippet(snippet)))
    .map((snippet) => ({ source: snippet.source, event: snippet.events[0]! }));
  // A snippet is made of its own module, the libs and the settings: the source's other events change nothing in it.
  for (const { source, event } of off) cpSync(join(ROOT, "transforms", source, `${event}.ts`), join(scratch.root, "transforms", source, `${event}.ts`));
  const sources: Record<string, SourceSettings> = { ...settings.sources };
  for (const { source, event } of off) {
    const own = sources[source] ?? {};
    sources[source] = { ...own, events: { ...own.events, [event]: { ...own.events?.[event], enabled: true } } };
  }
  scratch.write("transforms/all-on.settings.ts", `export default ${JSON.stringify({ ...settings, sources }, null, 2)};\n`);
  built = await sharedBuild(projectAt(scratch.root, "transforms/all-on.settings.ts"));
}, 120_000);

test("turned on, each writes its fixtures' payloads as valid Braze requests", async () => {
  expect(off.length).toBeGreaterThan(0);
  for (const { source, event } of off) {
    const snippet = built.snippets.find((s) => s.id === `${source}/${event}`)!;
    expect(snippet.plan.events[0]!.settings.enabled, snippet.id).toBeUndefined();
    const fixtures = discoverFixtures().filter((fixture) => fixture.source === source && fixture.event === event);
    let written = 0;
    for (const fixture of fixtures) {
      const result = await runSnippet(snippet.code, fixture.data.payload, { headers: fixture.data.headers });
      if (result.ok) {
        written++;
        expect(result.output, `${snippet.id} ${fixture.name}`).toBeValidBrazeRequest(snippet.meta.destination);
      } else {
        expect(DELIBERATE, `${snippet.id} ${fixture.name}: ${result.error.message}`).toContain(result.error.name);
      }
    }
    expect(written, `${snippet.id}: no fixture was written once the event is on`).toBeGreaterThan(0);
  }
});
