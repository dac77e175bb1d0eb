import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Source } from "../../transforms/lib/source";
import { asRecord } from "../../transforms/lib/values";
import { discoverSources, displayPath, projectAt, type SourceDir } from "../project";
import { eventModule } from "../scaffold/event-module";
import { parseCommandArgs, UsageError } from "./args";
import { didYouMean } from "./did-you-mean";
import { InputError } from "./input-error";
import { parseWebhookInput, readText, type WebhookInput } from "./input-files";
import type { Io } from "./io";

/**
 * Scaffolds an event: its mapping module and a first fixture holding the
 * example payload, with no golden yet (`npm test -- --update` writes it once
 * the module is built and reviewed).
 */
export async function newCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args: [...argv], options: { from: { type: "string" } }, allowPositionals: true });
  const [sourceId, event, ...extra] = positionals;
  if (!sourceId || !event) throw new UsageError("bdt new needs a source and an event (e.g. bdt new regal call.transferred --from payload.json)");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const badName = whyNotAnEventName(event);
  if (badName) throw new UsageError(`"${event}" cannot be an event module's name (transforms/<source>/${event}.ts): ${badName}`);

  const project = projectAt(io.cwd);
  const source = findSource(discoverSources(project), sourceId);
  const moduleFile = join(source.dir, `${event}.ts`);
  // Fixtures are named for the partner, the source id's first segment (zendesk/triggers → zendesk-shape.json).
  const fixtureFile = join(project.root, "test", "fixtures", ...sourceId.split("/"), event, `${sourceId.split("/")[0]}-shape.json`);
  for (const file of [moduleFile, fixtureFile]) {
    if (existsSync(file)) throw new InputError(`${displayPath(project, file)} already exists: edit it, or name another event`);
  }
  const reader = ((await import(pathToFileURL(source.envelopeFile).href)) as { default: Source }).default;
  const example = values.from === undefined ? undefined : readExample(reader, event, values.from, readText(io.cwd, values.from));

  const scaffold = eventModule({ source: sourceId, partner: reader.name, event, properties: example?.properties, fixture: displayPath(project, fixtureFile) });
  const fixture = example
    ? { description: `${reader.name} ${event}, from ${values.from}`, payload: example.input.payload, headers: example.input.headers }
    : { description: `${reader.name} ${event}: a placeholder, to replace with the partner's documented example`, payload: { [reader.eventField]: event } };
  write(moduleFile, scaffold.text);
  write(fixtureFile, `${JSON.stringify(fixture, null, 2)}\n`);

  for (const key of scaffold.unnamable) io.err(`warning: ${values.from}: the table leaves out property ${JSON.stringify(key)}: a mapping path reads "." as nesting, so it cannot name a key holding one`);
  io.out(`wrote ${displayPath(project, moduleFile)}`);
  io.out(`wrote ${displayPath(project, fixtureFile)}`);
  io.out("next:");
  const steps = nextSteps(displayPath(project, moduleFile), displayPath(project, fixtureFile), sourceId, example !== undefined);
  steps.forEach((step, index) => io.out(`  ${index + 1}. ${step}`));
  return 0;
}

/** What is left to do, as README's "Add a transform" says it. */
function nextSteps(moduleFile: string, fixtureFile: string, sourceId: string, fromExample: boolean): string[] {
  const partner = sourceId.split("/")[0]!;
  return [
    ...(fromExample ? [] : [`replace the placeholder payload in ${fixtureFile} with the partner's documented example, and list its properties in the module`]),
    `review the mapping in ${moduleFile} (README, "Add a transform")`,
    "npm run build",
    "npm test -- --update, which writes the fixture's golden: review it as carefully as code",
    `if the payload is the partner's documented example, rename the fixture ${partner}-documented.json; either way say where it comes from in test/fixtures/${sourceId}/PROVENANCE.md`,
  ];
}

/** The event names its module's file: a plain file name, which the build takes for an event's. */
function whyNotAnEventName(event: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/.test(event)) return 'use letters, digits, "_" and "-", words separated by single dots';
  if (/^router(?:\.|$)/.test(event)) return "the build names the routers it generates router";
  if (/\.(?:test|d)$/.test(event)) return "the build skips .test.ts and .d.ts files";
  return undefined;
}

function findSource(sources: readonly SourceDir[], id: string): SourceDir {
  const source = sources.find((candidate) => candidate.id === id);
  if (source) return source;
  const ids = sources.map((candidate) => candidate.id);
  throw new UsageError(`unknown source "${id}"${didYouMean(id, ids) || ` (the sources are ${ids.join(", ")}; a new one is a folder with lib/envelope.ts: README, "Add a source")`}`);
}

/** The example payload, which must be a webhook of this event: its properties, as the source's reader finds them, type the module. */
function readExample(reader: Source, event: string, file: string, text: string): { input: WebhookInput; properties: Record<string, unknown> } {
  const input = parseWebhookInput(text, file);
  const body = asRecord(input.payload);
  if (!body) throw new InputError(`${file}: a webhook body must be a JSON object`);
  const named = reader.eventOf(body);
  if (named !== event) throw new InputError(`${file}: payload.${reader.eventField} is ${JSON.stringify(named) ?? "missing"}, not "${event}": give a ${event} webhook`);
  return { input, properties: reader.read(body, event).properties };
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
