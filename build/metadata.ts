import { DESTINATIONS, type Destination } from "../contract/schema";
import { BuildError } from "./problems";
import { evaluateModule } from "./evaluate";
import type { TransformModule } from "./function-body";
import type { Entry } from "./project";
import type { MappingDoc } from "../transforms/lib/transform";

export interface SnippetMeta {
  readonly source: string;
  readonly events: readonly string[];
  readonly destination: Destination;
  readonly mapping: readonly MappingDoc[];
}

/**
 * A transform describes itself (`transform.meta`); reading that from the
 * bundled code, evaluated in an empty V8 context, makes the manifest say
 * exactly what the shipped snippet handles, under the settings it was built with.
 */
export function readMeta(entry: Entry, module: TransformModule): SnippetMeta {
  let meta: unknown;
  try {
    meta = evaluateModule(module, `${module.transformName}.meta`);
  } catch (error) {
    throw new BuildError(`${entry.id}: evaluating the transform's definition failed: ${(error as Error).message}`);
  }
  return checkMeta(entry, meta);
}

function checkMeta(entry: Entry, meta: unknown): SnippetMeta {
  const candidate = (meta || {}) as Partial<SnippetMeta>;
  const events = Array.isArray(candidate.events) ? candidate.events.filter((e) => typeof e === "string") : [];
  const destination = DESTINATIONS.find((known: Destination) => known === candidate.destination);
  if (events.length === 0 || !destination || candidate.source !== entry.source) {
    throw new BuildError(
      `${entry.id}: the default export must be a transform made with defineTransform() ` +
        `(source "${entry.source}", at least one event, a known destination)`,
    );
  }
  const fileName = entry.id.slice(entry.source.length + 1);
  if (events.length === 1 && events[0] !== fileName) {
    throw new BuildError(`${entry.id}: handles ${events[0]}, so its file must be named ${events[0]}.ts`);
  }
  const mapping = Array.isArray(candidate.mapping) ? candidate.mapping : [];
  const undocumented = events.filter((event) => !mapping.some((doc) => doc && doc.event === event));
  if (undocumented.length > 0) throw new BuildError(`${entry.id}: no mapping description for ${undocumented.join(", ")}`);
  return { source: entry.source, events, destination, mapping };
}
