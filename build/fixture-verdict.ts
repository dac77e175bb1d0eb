import { validateRequest } from "../contract/validate";
import { openSnippetRunner } from "../sandbox";
import { readFixtures } from "./fixtures";
import type { Project } from "./project";
import type { BuiltSnippet } from "./snippet";

/**
 * How a freshly built snippet does on its test fixtures
 * (test/fixtures/<source>/<event>/*.json), in one line: watch mode prints it
 * beside each rebuilt snippet so a mapping change shows its effect at once.
 */
export async function fixtureVerdict(project: Project, snippet: BuiltSnippet): Promise<string> {
  const cases = snippet.meta.events.flatMap((event) => readFixtures(project.root, { source: snippet.meta.source, event }));
  if (cases.length === 0) return "no fixtures";
  const runner = await openSnippetRunner(snippet.code);
  const failures: string[] = [];
  let valid = 0;
  let refused = 0;
  try {
    for (const { event, name: caseName, data } of cases) {
      const name = `${event}/${caseName}`;
      const result = await runner.run(data.payload, { headers: data.headers });
      if (!result.ok) {
        if (data.error !== undefined && result.error.kind === "throw") refused++;
        else failures.push(`${name}: ${result.error.name ?? result.error.kind}: ${result.error.message}`);
        continue;
      }
      const verdict = validateRequest(result.output, snippet.meta.destination);
      if (verdict.valid) valid++;
      else failures.push(`${name}: ${verdict.problems[0]}`);
    }
  } finally {
    runner.dispose();
  }
  const summary = `${valid} valid, ${refused} refused as expected`;
  return failures.length === 0 ? summary : `${summary}, ${failures.length} FAILING (${failures[0]})`;
}
