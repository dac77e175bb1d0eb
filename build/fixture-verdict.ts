import { validateRequest } from "../contract/validate";
import { openSnippetRunner, type RunResult } from "../sandbox";
import { readFixtures, type FixtureCase } from "./fixtures";
import { firstDifference } from "./first-difference";
import type { Project } from "./project";
import type { BuiltSnippet } from "./snippet";

/**
 * How a freshly built snippet does on its test fixtures
 * (test/fixtures/<source>/<event>/*.json), in one line: watch mode prints it
 * beside each rebuilt snippet so a mapping change shows its effect at once.
 * Each case is held to what `npm test` holds it to: its golden output (a
 * valid request) or its golden error. The first case that differs is named
 * with its first difference. `events` narrows a router's cases to those a
 * change can affect.
 */
export async function fixtureVerdict(project: Project, snippet: Pick<BuiltSnippet, "code" | "meta">, events: readonly string[] = snippet.meta.events): Promise<string> {
  const cases = events.flatMap((event) => readFixtures(project.root, { source: snippet.meta.source, event }));
  const only = events.length < snippet.meta.events.length ? ` (the cases of ${events.join(", ") || "no event"}: the change reached only ${events.length === 1 ? "its" : "their"} module and mapping)` : "";
  if (cases.length === 0) return `no fixtures${only}`;
  const runner = await openSnippetRunner(snippet.code);
  const differing: string[] = [];
  let withoutGolden = 0;
  try {
    for (const { event, name, data } of cases) {
      if (data.expected === undefined && data.error === undefined) {
        withoutGolden++;
        continue;
      }
      const difference = differenceFromGolden(data, await runner.run(data.payload, { headers: data.headers }), snippet.meta.destination);
      if (difference) differing.push(`${event}/${name}: ${difference}`);
    }
  } finally {
    runner.dispose();
  }
  const compared = cases.length - withoutGolden;
  const parts = [`${compared - differing.length} of ${compared} match their goldens${only}`];
  if (differing.length > 0) parts.push(`${differing.length} DIFFER (${differing[0]})`);
  if (withoutGolden > 0) parts.push(`${withoutGolden} without a golden yet (npm test -- --update writes it)`);
  return parts.join(", ");
}

/** Why a run is not what its case expects, or undefined when it is. */
function differenceFromGolden(data: FixtureCase, result: RunResult, destination: BuiltSnippet["meta"]["destination"]): string | undefined {
  if (data.error !== undefined) {
    if (result.ok) return `expected ${data.error.name}, got an output`;
    return firstDifference(data.error, { name: result.error.name ?? result.error.kind, message: result.error.message });
  }
  if (!result.ok) return `${result.error.name ?? result.error.kind}: ${result.error.message}`;
  const difference = firstDifference(data.expected, result.output);
  if (difference) return difference;
  const verdict = validateRequest(result.output, destination);
  return verdict.valid ? undefined : `invalid request: ${verdict.problems[0]}`;
}
