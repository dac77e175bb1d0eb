import fc from "fast-check";
import { expect, test } from "vitest";
import { validateRequest } from "../../contract/validate";
import { readManifest } from "../support/dist";
import type { IdentifierSource } from "../../transforms/lib/settings";
import { identityFields } from "./envelope";
import { mutatedPayloads, seedFor, snippetEnvelope } from "./subjects";

/*
 * The property suites find a rule a mapping breaks only if the mutated
 * payloads break it. Carried into a request as they are (identifier fields
 * as identifiers, the event's properties as event properties and as custom
 * attributes), they must break every rule the contract checks: a rule on
 * one kind of identifier, wherever the source's webhooks carry that kind.
 */
const RULES: Record<string, RegExp> = {
  "string over 255 characters": /: [\d,]+ chars > 255$/,
  "key over 255 characters": /key is [\d,]+ chars > 255/,
  "empty key": /key must not be empty/,
  'key starting with "$"': /key must not start with "\$"/,
  "nested key with whitespace": /key must not contain whitespace/,
  'nested key with "."': /key must not contain "\."/,
  'nested key with "$"': /key must not contain "\$"/,
  "reserved property key": /is reserved by Braze/,
  "operator key in an attribute object": /is an update operator/,
  "more than 256 properties": /properties > 256/,
  "nested value over 100 KB": /bytes of JSON > 102,400/,
  "array attribute over 25 items": /items > 25 /,
  "array attribute holding booleans, null or arrays": /expected a string, a finite number or an object, got (true|false|null|an array)$/,
  "null inside a nested attribute": /null inside a nested attribute/,
  "external_id over 997 bytes": /bytes > 997/,
  "e-mail Braze refuses": /is not an e-mail address/,
  "phone number that is not E.164": /is not an E\.164 phone number/,
};
/** The rules only a field carrying that kind of identifier can break. */
const KIND_OF_RULE: Record<string, IdentifierSource> = {
  "external_id over 997 bytes": "external_id",
  "e-mail Braze refuses": "email",
  "phone number that is not E.164": "phone",
};
const RUNS = 1500;

const sources = [...new Set(readManifest().map((snippet) => snippet.source))];

test.each(sources)("%s: the mutated payloads break every rule the contract checks", async (source) => {
  const snippets = readManifest().filter((snippet) => snippet.source === source && snippet.events.length === 1);
  const envelopes = await Promise.all(snippets.map((snippet) => snippetEnvelope(snippet)));
  const cases = await Promise.all(snippets.map(async (snippet, i) => (await mutatedPayloads(snippet)).map(({ payload }) => ({ payload, envelope: envelopes[i]! }))));
  const kinds = new Set(envelopes.flatMap((envelope) => identityFields(envelope).map(({ kind }) => kind)));
  const broken = new Set<string>();
  for (const { payload, envelope } of fc.sample(fc.oneof(...cases), { numRuns: RUNS, seed: seedFor(source) })) {
    const read = (path: readonly (string | number)[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], payload);
    const properties = read(envelope.properties) as Record<string, unknown>;
    const identifiers = identityFields(envelope).map(({ kind, path }) => ({ [kind]: read(path) }));
    const verdict = validateRequest({
      attributes: [...identifiers, { external_id: "u", ...properties }],
      events: [{ external_id: "u", name: "E", time: "2024-01-01T00:00:00Z", properties }],
    });
    for (const problem of verdict.valid ? [] : verdict.problems) {
      for (const rule of Object.keys(RULES)) if (RULES[rule]!.test(problem)) broken.add(rule);
    }
  }
  const applicable = Object.keys(RULES).filter((rule) => KIND_OF_RULE[rule] === undefined || kinds.has(KIND_OF_RULE[rule]!));
  expect(applicable.filter((rule) => !broken.has(rule)), "rules no payload broke").toEqual([]);
});
