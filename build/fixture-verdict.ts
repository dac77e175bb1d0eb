import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateRequest } from "../contract/validate";
import { openSnippetRunner } from "../sandbox";
import type { Project } from "./project";
import type { BuiltSnippet } from "./snippet";

/**
 * How a freshly built snippet does on its test fixtures
 * (test/fixtures/<source>/<event>/*.json), in one line: watch mode prints it
 * beside each rebuilt snippet so a mapping change shows its effect at once.
 */
export async function fixtureVerdict(project: Project, snippet: BuiltSnippet): Promise<string> {
  const cases = snippet.meta.events.flatMap((event) => fixtureCases(project, snippet.meta.source, event));
  if (cases.length === 0) return "no fixtures";
  const runner = await openSnippetRunner(snippet.code);
  const failures: string[] = [];
  let valid = 0;
  let refused = 0;
  try {
    for (const { name, payload, expectsError } of cases) {
      const result = await runner.run(payload);
      if (!result.ok) {
        if (expectsError && result.error.kind === "throw") refused++;
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

interface FixtureCase {
  readonly name: string;
  readonly payload: unknown;
  readonly expectsError: boolean;
}

function fixtureCases(project: Project, source: string, event: string): FixtureCase[] {
  const dir = join(project.root, "test", "fixtures", source, event);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const fixture = JSON.parse(readFileSync(join(dir, file), "utf8")) as { payload: unknown; error?: unknown };
      return { name: `${event}/${file.slice(0, -5)}`, payload: fixture.payload, expectsError: fixture.error !== undefined };
    });
}
