import { asRecord, type JsonRecord } from "../../transforms/lib/values";

/** What `bdt new` knows of the event it scaffolds. */
export interface EventModuleFacts {
  /** The source id: "regal", "zendesk/triggers". */
  readonly source: string;
  /** The partner as its envelope reader names it ("Regal"). */
  readonly partner: string;
  readonly event: string;
  /** The properties the source's envelope reader found in the example, when one was given. */
  readonly properties?: JsonRecord;
  /** The example's fixture, which the module's comment points to. */
  readonly fixture: string;
}

export interface EventModule {
  readonly text: string;
  /**
   * Top-level properties the table leaves out, so the event does not carry
   * them: a mapping path reads "a.b" as b inside a, so a key holding a dot
   * cannot be named (deeper down, its parent carries it).
   */
  readonly unnamable: readonly string[];
}

/**
 * `transforms/<source>/<event>.ts`, a first mapping to review: a custom event
 * typed against the example's properties, with a table carrying each
 * top-level property under its own name (the mapping table shows it, and
 * what to rename or leave out is one line each). The properties are typed
 * in the module itself, as the partner's payload types (`lib/payloads.ts`)
 * may not know a new event.
 */
export function eventModule(facts: EventModuleFacts): EventModule {
  const keys = Object.keys(facts.properties ?? {});
  const named = keys.filter(isNamable);
  const fields = typeFields(facts.properties ?? {}, "  ");
  const text = [
    `import type { Mapping } from "${"../".repeat(facts.source.split("/").length)}lib/mapping";`,
    "",
    facts.properties === undefined
      ? `/** What a ${facts.partner} ${facts.event} webhook carries: add each property the partner documents (\`readonly name?: unknown;\`), so the mapping can read only what is there. */`
      : `/** What a ${facts.partner} ${facts.event} webhook carries, as the source's envelope reader finds it in ${facts.fixture}. */`,
    ...(fields.length === 0 ? ["interface Properties {}"] : ["interface Properties {", ...fields, "}"]),
    "",
    `/** ${facts.partner}'s ${facts.event}, written as a Braze custom event with ${named.length > 0 ? "the properties of its table" : "every property the webhook carries"}. */`,
    "export default {",
    '  shape: "customEvent",',
    `  event: ${JSON.stringify(facts.event)},`,
    ...(named.length > 0 ? ["  properties: {", ...named.map((key) => `    ${propertyKey(key)}: ${JSON.stringify(key)},`), "  },"] : []),
    `} satisfies Mapping<${JSON.stringify(facts.event)}, Properties>;`,
    "",
  ].join("\n");
  return { text, unnamable: keys.filter((key) => !isNamable(key)) };
}

/** One `readonly key?: …;` line per field, objects typed field by field; values are `unknown`, as the value policy reads any. */
function typeFields(record: JsonRecord, indent: string): string[] {
  return Object.keys(record).filter(isNamable).flatMap((key) => {
    const nested = asRecord(record[key]);
    const inner = nested === undefined ? [] : typeFields(nested, `${indent}  `);
    if (inner.length === 0) return [`${indent}readonly ${propertyKey(key)}?: unknown;`];
    return [`${indent}readonly ${propertyKey(key)}?: {`, ...inner, `${indent}};`];
  });
}

function isNamable(key: string): boolean {
  return !key.includes(".");
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
