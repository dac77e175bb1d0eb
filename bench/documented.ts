import { readFixtures, type Fixture } from "../build/fixtures";
import { ROOT } from "../test/support/dist";

/** The partner's documented example of one event (test/fixtures/<source>/<event>/<partner>-documented.json), which cli_run_ms and serve_* send. */
export function documentedFixture(source: string, event: string): Fixture {
  const name = `${source.split("/")[0]}-documented`;
  const fixture = readFixtures(ROOT, { source, event }).find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`test/fixtures/${source}/${event}/${name}.json not found: the CLI and serve measurements send it`);
  return fixture;
}
