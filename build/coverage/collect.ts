import { readFileSync } from "node:fs";
import type { Profiler } from "node:inspector";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_NOW } from "../../sandbox";
import { LogCollector } from "../../sandbox/logs";
import { resolveOptions } from "../../sandbox/options";
import { V8Session } from "../../sandbox/v8/v8-session";
import { checkHeaders } from "../cli/input-files";
import { InputError } from "../cli/input-error";
import type { Fixture } from "../fixtures";
import type { ManifestSnippet } from "../manifest";
import { displayPath, type Project } from "../project";

/** As the sandbox's: a fixture that runs longer hangs its test too. */
const TIMEOUT_MS = 1000;

/** What V8 counted in one built snippet over every fixture that reaches it. */
export interface SnippetCoverage {
  readonly snippet: ManifestSnippet;
  /** Absolute path of dist/<id>.js: the script's name in V8, and where its source map is. */
  readonly file: string;
  readonly code: string;
  readonly functions: readonly Profiler.FunctionCoverage[];
}

/**
 * Runs every fixture through each built snippet it reaches, in V8 with
 * precise block coverage on. Each snippet is compiled once under its dist/
 * path into its own context with the sandbox's prelude, so the clock and the
 * inputs are the ones the fixture tests give. Whether a run matches its golden is `npm test`'s
 * question; here a run only counts. A snippet no fixture reaches is still
 * compiled, so all of its code counts as missed.
 */
export async function collectCoverage(project: Project, snippets: readonly ManifestSnippet[], fixtures: readonly Fixture[]): Promise<SnippetCoverage[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
    const runners = snippets.map((snippet) => openRunner(project, snippet));
    for (const fixture of fixtures) {
      const reaching = runners.filter(({ snippet }) => handles(snippet, fixture));
      if (reaching.length === 0) {
        throw new InputError(`${displayPath(project, fixture.path)}: no snippet in dist/manifest.json handles ${fixture.source}/${fixture.event}: run npm run build`);
      }
      const inputs = fixtureInputs(project, fixture);
      for (const runner of reaching) runner.run(inputs, fixture);
    }
    const { result } = await session.post("Profiler.takePreciseCoverage");
    return runners.map(({ snippet, file, code }) => {
      const script = result.find((entry) => entry.url === pathToFileURL(file).href);
      if (!script) throw new Error(`V8 reported no coverage for ${file}`);
      return { snippet, file, code, functions: script.functions };
    });
  } finally {
    session.disconnect();
  }
}

/**
 * A fixture is its event snippet's (`<source>/<event>`) and every router's
 * listing that event; a router's own cases (test/fixtures/<source>/router/)
 * are the router's by the same id.
 */
function handles(snippet: ManifestSnippet, fixture: Fixture): boolean {
  return snippet.id === `${fixture.source}/${fixture.event}` || (snippet.source === fixture.source && snippet.events.includes(fixture.event));
}

interface FixtureInputs {
  readonly payloadJson: string;
  readonly headersJson: string;
}

/** A fixture's payload and headers as the sandbox hands them over: JSON text the guest parses itself. */
function fixtureInputs(project: Project, fixture: Fixture): FixtureInputs {
  const name = displayPath(project, fixture.path);
  if (fixture.data.payload === undefined) throw new InputError(`${name}: has no "payload"`);
  const headers = fixture.data.headers === undefined ? {} : checkHeaders(fixture.data.headers, name);
  return { payloadJson: JSON.stringify(fixture.data.payload), headersJson: JSON.stringify(headers) };
}

interface Runner {
  readonly snippet: ManifestSnippet;
  readonly file: string;
  readonly code: string;
  run(inputs: FixtureInputs, fixture: Fixture): void;
}

/** The snippet in the sandbox's V8 engine (its prelude: clock, console, input parsing), compiled under its dist/ path. */
function openRunner(project: Project, snippet: ManifestSnippet): Runner {
  const file = join(project.distDir, snippet.file);
  const code = readFileSync(file, "utf8");
  const session = new V8Session(resolveOptions({ timeoutMs: TIMEOUT_MS }, "npm run coverage"), file);
  const failed = session.compile(code);
  if (failed && !failed.ok) throw new InputError(`${displayPath(project, file)} does not compile in V8 (${failed.error.message}): run npm run build`);
  return {
    snippet,
    file,
    code,
    run({ payloadJson, headersJson }, fixture) {
      // A deliberate refusal or a crash: either way the code it ran is counted.
      const outcome = session.run(payloadJson, headersJson, DEFAULT_NOW.getTime(), new LogCollector(0));
      if (!outcome.ok && outcome.error.kind === "timeout") throw new InputError(`${displayPath(project, fixture.path)}: ${snippet.id} ran past ${TIMEOUT_MS} ms`);
    },
  };
}
