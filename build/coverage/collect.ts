import { readFileSync } from "node:fs";
import type { Profiler } from "node:inspector";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createContext, Script, type Context } from "node:vm";
import { DEFAULT_NOW } from "../../sandbox";
import { GUEST_PRELUDE } from "../../sandbox/guest-prelude";
import { checkHeaders } from "../cli/input-files";
import { InputError } from "../cli/input-error";
import type { Fixture } from "../fixtures";
import type { ManifestSnippet } from "../manifest";
import { displayPath, type Project } from "../project";

/**
 * The wrapper the sandbox compiles a snippet in. The snippet's first line
 * shares the wrapper's line, so V8's line numbers are the snippet's own; its
 * length is the offset of the snippet's text in what V8 measured.
 */
export const SNIPPET_WRAPPER_START = "(function (payload, headers) {";

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

type GuestFunction = (...args: unknown[]) => unknown;

/** The one global the call script reads: set before each run, so nothing else of the host shows in the context. */
const CALL = "__coverageCall";
const CALL_SCRIPT = new Script(`${CALL}()`, { filename: "coverage-call.js" });

interface Runner {
  readonly snippet: ManifestSnippet;
  readonly file: string;
  readonly code: string;
  run(inputs: FixtureInputs, fixture: Fixture): void;
}

function openRunner(project: Project, snippet: ManifestSnippet): Runner {
  const file = join(project.distDir, snippet.file);
  const code = readFileSync(file, "utf8");
  const context: Context = createContext({});
  const setup = new Script(GUEST_PRELUDE, { filename: "sandbox-prelude.js" }).runInContext(context) as GuestFunction;
  const api = setup(Number.POSITIVE_INFINITY, () => undefined) as { run: GuestFunction };
  const compiled = compile(project, file, code).runInContext(context) as GuestFunction;
  return {
    snippet,
    file,
    code,
    run({ payloadJson, headersJson }, fixture) {
      (context as Record<string, unknown>)[CALL] = () => api.run(compiled, payloadJson, headersJson, DEFAULT_NOW.getTime());
      try {
        CALL_SCRIPT.runInContext(context, { timeout: TIMEOUT_MS });
      } catch (error) {
        if ((error as { code?: unknown } | null | undefined)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
          throw new InputError(`${displayPath(project, fixture.path)}: ${snippet.id} ran past ${TIMEOUT_MS} ms`);
        }
        // A deliberate refusal or a crash: either way the code it ran is counted.
      }
    },
  };
}

function compile(project: Project, file: string, code: string): Script {
  try {
    return new Script(`${SNIPPET_WRAPPER_START}${code}\n})`, { filename: file });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new InputError(`${displayPath(project, file)} does not compile in V8 (${error.message}): run npm run build`);
  }
}
