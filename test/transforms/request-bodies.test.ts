import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DIST, readManifest, readSnippet, type ManifestSnippet } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";
import { runBuilt } from "../support/run-built";
import { runInV8 } from "../support/v8";

/*
 * The request bodies a source ships for the partner's admin to paste
 * (dist/<source>/bodies/<event>.json), checked as the partner renders them:
 * a placeholder that renders blank must still give valid JSON and a valid
 * request or a deliberate error, through the event's snippet and its router.
 */
const PLACEHOLDER = /^\{\{[^{}]+\}\}$/;
const DELIBERATE = ["MissingIdentityError", "NotWrittenError", "UnauthenticatedError", "UnmappedValueError"];

const bodies = readManifest()
  .filter((snippet) => snippet.events.length === 1)
  .map((snippet) => ({ snippet, file: join(DIST, snippet.source, "bodies", `${snippet.events[0]}.json`) }))
  .filter(({ file }) => existsSync(file));

test("every body file belongs to a built event", () => {
  const sources = new Set(readManifest().map((snippet) => snippet.source));
  const shipped = [...sources].flatMap((source) => {
    const dir = join(DIST, source, "bodies");
    return existsSync(dir) ? readdirSync(dir).map((file) => join(dir, file)) : [];
  });
  expect(shipped.sort()).toEqual(bodies.map(({ file }) => file).sort());
});

describe.each(bodies.map((body) => [body.snippet.id, body] as const))("%s", (_id, { snippet, file }) => {
  const body = JSON.parse(readFileSync(file, "utf8")) as unknown;
  const router = readManifest().find((other) => other.source === snippet.source && other.events.length > 1 && other.events.includes(snippet.events[0]!));

  test("quotes every placeholder whole, so a blank one still gives valid JSON", () => {
    const strings = leaves(body).filter((value) => typeof value === "string" && value.includes("{{")) as string[];
    expect(strings.length).toBeGreaterThan(0);
    for (const value of strings) expect(value).toMatch(PLACEHOLDER);
  });

  test("rendered with every placeholder blank: a valid request or a deliberate error, in the sandbox, in V8 and through the router", async () => {
    const blank = render(body, () => "");
    for (const target of [snippet, ...(router ? [router] : [])] as ManifestSnippet[]) {
      const result = await runBuilt(target, blank);
      if (result.ok) expect(result.output).toBeValidBrazeRequest(target.destination);
      else expect(DELIBERATE, `${target.id}: ${result.error.kind} ${result.error.message}`).toContain(result.error.name);
      const v8 = runInV8(readSnippet(target), blank);
      expect(v8.ok ? { output: v8.output } : { name: v8.name, message: v8.message }).toEqual(
        result.ok ? { output: result.output } : { name: result.error.name, message: result.error.message },
      );
    }
  });

  test("its rendered fixture has exactly the body's fields, and its literals", () => {
    const partner = snippet.source.split("/")[0];
    const fixture = discoverFixtures().find((f) => f.source === snippet.source && f.event === snippet.events[0] && (f.name === `${partner}-documented` || f.name === `${partner}-shape`));
    expect(fixture, `a ${partner}-shape.json fixture rendering ${file}`).toBeDefined();
    expect(masked(body, fixture!.data.payload)).toEqual(masked(body, body));
  });
});

/** `value` with the strings at the template's placeholders replaced by "<text>": what rendering may change. */
function masked(template: unknown, value: unknown): unknown {
  if (typeof template === "string" && PLACEHOLDER.test(template)) return typeof value === "string" ? "<text>" : value;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const shape = (template && typeof template === "object" ? template : {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, masked(shape[key], item)]));
  }
  return value;
}

function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return [value];
}

/** The body with each placeholder string replaced by `value(placeholder)`; every other string kept. */
function render(body: unknown, value: (placeholder: string) => string): unknown {
  if (Array.isArray(body)) return body.map((item) => render(item, value));
  if (body && typeof body === "object") return Object.fromEntries(Object.entries(body).map(([key, item]) => [key, render(item, value)]));
  return typeof body === "string" && PLACEHOLDER.test(body) ? value(body) : body;
}
