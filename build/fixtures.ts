import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseJson } from "./cli/input-files";

/** The error a case expects: the deliberate error's name and its one-line message. */
export interface ExpectedError {
  readonly name: string;
  readonly message: string;
}

/**
 * `test/fixtures/<source>/<event>/<case>.json`. A case expects an output or an
 * error; `expectedFrom` marks outputs documented elsewhere (Braze's docs),
 * which `--update` never rewrites.
 */
export interface FixtureCase {
  readonly description?: string;
  readonly payload: unknown;
  readonly headers?: Record<string, string>;
  readonly expectedFrom?: string;
  readonly expected?: unknown;
  readonly error?: ExpectedError;
}

/** `test/fixtures/webhooks/` holds what outbound templates are rendered with (profiles, events), not transform cases. */
export const WEBHOOK_FIXTURES = "webhooks";

export interface Fixture {
  readonly source: string;
  readonly event: string;
  readonly name: string;
  readonly path: string;
  readonly data: FixtureCase;
}

/**
 * A project's fixtures, in source, event and case order; only those of
 * `source`/`event` when given. A folder holding cases is an event's; the
 * path above it is the source's id, so nested sources ("zendesk/triggers")
 * keep their fixtures in nested folders.
 */
/** A case that is not JSON is an InputError naming its file, line and column. */
export function readFixtures(root: string, only: { source?: string; event?: string } = {}): Fixture[] {
  const dir = join(root, "test", "fixtures");
  const folders = only.source !== undefined && only.event !== undefined ? eventFolder(dir, only.source, only.event) : eventFolders(dir, "");
  return folders
    .filter(({ source }) => source !== WEBHOOK_FIXTURES && !source.startsWith(`${WEBHOOK_FIXTURES}/`))
    .filter(({ source, event }) => (only.source === undefined || source === only.source) && (only.event === undefined || event === only.event))
    .flatMap(({ source, event, path: folder }) =>
      readdirSync(folder)
        .filter((file) => file.endsWith(".json"))
        .sort()
        .map((file) => {
          const path = join(folder, file);
          const data = parseJson(readFileSync(path, "utf8"), relative(root, path).split(sep).join("/")) as FixtureCase;
          return { source, event, name: file.slice(0, -".json".length), path, data };
        }),
    );
}

interface EventFolder {
  readonly source: string;
  readonly event: string;
  readonly path: string;
}

function eventFolders(dir: string, source: string): EventFolder[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .flatMap((name) => {
      const path = join(dir, name);
      return source !== "" && holdsCases(path) ? [{ source, event: name, path }] : eventFolders(path, source === "" ? name : `${source}/${name}`);
    });
}

/**
 * The one folder eventFolders would find for `source`/`event`, without
 * walking the others (watch mode reads one event's cases after each save):
 * it is found only if no folder of a nested source's path holds cases itself.
 */
function eventFolder(dir: string, source: string, event: string): EventFolder[] {
  const segments = [...source.split("/"), event];
  for (let depth = 2; depth < segments.length; depth++) if (holdsCases(join(dir, ...segments.slice(0, depth)))) return [];
  const path = join(dir, ...segments);
  return holdsCases(path) ? [{ source, event, path }] : [];
}

function holdsCases(folder: string): boolean {
  return existsSync(folder) && statSync(folder).isDirectory() && readdirSync(folder).some((file) => file.endsWith(".json"));
}
