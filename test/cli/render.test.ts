import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bdt } from "./bdt";
import { WEBHOOK_FIXTURES } from "../support/webhooks";

const fixture = (path: string) => join(WEBHOOK_FIXTURES, path);
const scratch = mkdtempSync(join(tmpdir(), "bdt-render-"));
const file = (name: string, content: string) => {
  writeFileSync(join(scratch, name), content);
  return join(scratch, name);
};
const plain = ["--user", fixture("profiles/plain.json"), "--event", fixture("events/plain.json")];
const credentials = ["--connected", `connected_answer=${fixture("connected/rokt-token.json")}`];

describe("bdt render", () => {
  test("prints the request as Braze would send it and the partner's verdict, exit 0", async () => {
    const result = await bdt(["render", "rokt/new-event", ...plain, ...credentials, "--now", "2026-12-01T12:00:00Z"]);
    expect(result.err).toEqual(["ok: rokt/new-event: a valid Rokt Calendar API: create subscription event request"]);
    expect(result.code).toBe(0);
    expect(result.out.slice(0, 3)).toEqual([
      "POST https://api.roktcalendar.com/v1/subscriptionevent/ACME",
      "Authorization: Bearer eyJhbGciOi.sample.token",
      "Content-Type: application/json",
    ]);
    expect(JSON.parse(result.out.slice(4).join("\n"))).toMatchObject({ event: { title: "Kickoff", notifyBefore: 15 }, subscriptionIds: ["3f2b8c1e-9d4a-4f6b-8e2a-7c5d1b0a9e34"] });
  });

  test("says why a send was stopped, exit 1", async () => {
    const result = await bdt(["render", "rokt/new-event", "--user", fixture("profiles/arrays-empty.json"), ...credentials]);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      'not sent (url): rokt/new-event: custom attribute rokt:account_code (the part before "/") is missing: the Rokt Calendar account is part of the URL',
    ]);
    expect(result.code).toBe(1);
  });

  test("reads secrets only from what it is given: a content block by name", async () => {
    const key = file("regal-key.txt", "rgl_live_cli_test\n");
    const result = await bdt(["render", "regal/opt-in-sms", "--user", fixture("profiles/plain.json"), "--content-block", `regal_api_key=${key}`, "--now", "2026-12-01T12:00:00Z"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("Authorization: rgl_live_cli_test");
    expect(JSON.parse(result.out.slice(result.out.indexOf("") + 1).join("\n"))).toMatchObject({ traits: { optIn: [{ channel: "sms", subscribed: true, timestamp: "2026-12-01T12:00:00Z" }] } });
  });

  test("checks a template file that is not this project's, without a partner verdict", async () => {
    const template = file("hello.json", JSON.stringify({ id: "x/hello", partner: "x", method: "POST", url: "https://example.com/{{${user_id}}}", headers: {}, body: '{"hi": "{{${first_name} | json_escape}}"}' }));
    const result = await bdt(["render", template, "--user", fixture("profiles/plain.json")]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual(["POST https://example.com/u-1", "", '{"hi": "Ann"}']);
    expect(result.err[0]).toMatch(/^ok: x\/hello rendered; not checked: /);
  });

  test("reports a filter Braze lacks as a template error, exit 1", async () => {
    const template = file("bad-filter.json", JSON.stringify({ id: "x/bad", partner: "x", method: "POST", url: "https://example.com", headers: {}, body: "{{ ${first_name} | lstrip }}" }));
    const result = await bdt(["render", template, "--user", fixture("profiles/plain.json")]);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^error: x\/bad: body: .*lstrip/);
  });

  test.each([
    [["render"], "bdt render needs a webhook template id (e.g. rokt/new-event) or a template file"],
    [["render", "rokt/new-event"], "bdt render needs --user profile.json (a Braze user: standard attributes and custom_attributes)"],
    [["render", "rokt/new-evnet", "--user", fixture("profiles/plain.json")], 'unknown webhook template "rokt/new-evnet": did you mean rokt/new-event?'],
    [["render", "rokt/nope", "--user", fixture("profiles/plain.json")], expect.stringMatching(/^bdt: unknown webhook template "rokt\/nope" \(none of the \d+ templates in dist\/manifest\.json is named like it\)$/)],
    [["render", "rokt/new-event", "--user", "missing.json"], "file not found: missing.json"],
    [["render", "rokt/new-event", ...plain, "--connected", "token_response"], '--connected takes name=file, got "token_response"'],
  ])("%j is a usage error, exit 2", async (argv, message) => {
    const result = await bdt(argv);
    expect(result.code).toBe(2);
    expect(result.err[0]).toEqual(typeof message === "string" ? `bdt: ${message}` : message);
  });
});
