import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { bdt } from "./bdt";
import { FIXTURES } from "../support/fixtures";
import { WEBHOOK_FIXTURES } from "../support/webhooks";

/* --json: one JSON object on stdout, the whole verdict, and the same exit codes. */
const scratch = mkdtempSync(join(tmpdir(), "bdt-json-"));
const fixture = (event: string, name: string) => join(FIXTURES, "regal", event, `${name}.json`);

async function json(argv: string[]): Promise<{ code: number; report: Record<string, unknown>; err: string[] }> {
  const result = await bdt([...argv, "--json"]);
  expect(result.out).toHaveLength(1);
  return { code: result.code, report: JSON.parse(result.out[0]!), err: result.err };
}

test("bdt run --json: a valid request", async () => {
  const { code, report, err } = await json(["run", "regal/call.completed", fixture("call.completed", "braze-documented")]);
  expect(code).toBe(0);
  expect(err).toEqual([]);
  expect(report).toEqual({ ok: true, id: "regal/call.completed", output: expect.objectContaining({ events: [expect.objectContaining({ name: "Call Completed" })] }), destination: "POST /users/track", engine: "quickjs", durationMs: expect.any(Number), cost: expect.any(Number) });
});

test("bdt run --json: a deliberate error", async () => {
  const { code, report } = await json(["run", "regal/call.completed", fixture("call.completed", "no-identity")]);
  expect(code).toBe(1);
  expect(report).toMatchObject({ ok: false, id: "regal/call.completed", error: { kind: "throw", name: "MissingIdentityError" } });
  expect(report).not.toHaveProperty("output");
});

test("bdt run --json: an invalid request, with every problem", async () => {
  const snippet = join(scratch, "invalid.js");
  writeFileSync(snippet, 'return { events: [{ external_id: "1", name: "X", time: "yesterday", properties: { $p: 1 } }] };');
  writeFileSync(join(scratch, "p.json"), "{}");
  const { code, report } = await json(["run", snippet, join(scratch, "p.json")]);
  expect(code).toBe(1);
  expect(report).toMatchObject({ ok: false, output: { events: [{ name: "X" }] }, problems: [expect.stringMatching(/^events\[0\]\.time: /), expect.stringMatching(/^events\[0\]\.properties\["\$p"\]: /)] });
});

const plain = ["--user", join(WEBHOOK_FIXTURES, "profiles/plain.json"), "--event", join(WEBHOOK_FIXTURES, "events/plain.json")];
const credentials = ["--connected", `connected_answer=${join(WEBHOOK_FIXTURES, "connected/rokt-token.json")}`];

test("bdt render --json: the request and the partner's verdict", async () => {
  const { code, report, err } = await json(["render", "rokt/new-event", ...plain, ...credentials, "--now", "2026-12-01T12:00:00Z"]);
  expect(code).toBe(0);
  expect(err).toEqual([]);
  expect(report).toEqual({
    sent: true,
    method: "POST",
    url: "https://api.roktcalendar.com/v1/subscriptionevent/ACME",
    headers: { Authorization: "Bearer eyJhbGciOi.sample.token", "Content-Type": "application/json" },
    body: expect.stringContaining('"title"'),
    partnerRequest: "Rokt Calendar API: create subscription event",
    problems: [],
  });
});

test("bdt render --json: not sent, with the field and the reason", async () => {
  const { code, report } = await json(["render", "rokt/new-event", "--user", join(WEBHOOK_FIXTURES, "profiles/arrays-empty.json"), ...credentials]);
  expect(code).toBe(1);
  expect(report).toEqual({ sent: false, field: "url", reason: expect.stringMatching(/^rokt\/new-event: custom attribute rokt:account_code .* is missing/) });
});
