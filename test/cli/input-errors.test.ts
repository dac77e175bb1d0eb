import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { bdt } from "./bdt";
import { FIXTURES } from "../support/fixtures";
import { WEBHOOK_FIXTURES } from "../support/webhooks";

/*
 * A file that is there but holds bad data is a failure of the input (exit 1,
 * one line naming the file and where it breaks), not a mistake in the call:
 * no usage text. A file that is not there stays a usage error.
 */
const scratch = mkdtempSync(join(tmpdir(), "bdt-input-"));
const file = (name: string, content: string) => {
  writeFileSync(join(scratch, name), content);
  return join(scratch, name);
};
const bad = file("bad.json", '{\n  "name": "call.completed",\n  "userId": }\n');
const payload = join(FIXTURES, "regal/call.completed/regal-documented.json");
const profile = join(WEBHOOK_FIXTURES, "profiles/plain.json");
const notJson = `error: ${bad}: not valid JSON: unexpected "}" at line 3 column 13`;

test.each([
  [["run", "regal/call.completed", bad]],
  [["run", "regal/call.completed", payload, "--headers", bad]],
  [["render", "regal/opt-in-sms", "--user", bad]],
  [["render", "regal/custom-event", "--user", profile, "--event", bad]],
  [["render", "rokt/new-event", "--user", profile, "--connected", `connected_answer=${bad}`]],
])("%j: exit 1, one line naming the file, line and column", async (argv) => {
  expect(await bdt(argv)).toEqual({ code: 1, out: [], err: [notJson] });
});

test("a payload piped in is named as standard input", async () => {
  const result = await bdt(["run", "regal/call.completed", "-"], { stdin: "[1, 2" });
  expect(result).toEqual({ code: 1, out: [], err: ["error: standard input: not valid JSON: expected \",\" or \"]\", got end of input at line 1 column 6"] });
});

test.each([
  [["run", "regal/call.completed", payload, "--headers", file("headers.json", '{"X-Key": 1}')], "headers.json: headers must be a JSON object of string values"],
  [["render", "regal/custom-event", "--user", profile, "--event", file("event.json", "[1]")], "event.json: must hold a JSON object of properties"],
  [["render", "regal/opt-in-sms", "--user", file("profile.json", "[]")], "profile.json: a profile must be a JSON object, got an array"],
])("%j holds JSON of the wrong kind: exit 1", async (argv, message) => {
  const result = await bdt(argv);
  expect(result.code).toBe(1);
  expect(result.err).toEqual([`error: ${join(scratch, message)}`]);
});

test("a file that is not there is still a usage error", async () => {
  const result = await bdt(["run", "regal/call.completed", payload, "--headers", "missing.json"]);
  expect(result.code).toBe(2);
  expect(result.err[0]).toBe("bdt: file not found: missing.json");
});

test("a directory given for a file is a usage error naming it", async () => {
  const result = await bdt(["run", "regal/call.completed", scratch]);
  expect(result.code).toBe(2);
  expect(result.err[0]).toBe(`bdt: ${scratch} is a directory: give a file`);
});

test("a dist/manifest.json that is not JSON is one line saying to rebuild", async () => {
  const project = mkdtempSync(join(tmpdir(), "bdt-manifest-"));
  mkdirSync(join(project, "dist"));
  writeFileSync(join(project, "dist/manifest.json"), '{ "snippets": [');
  const result = await bdt(["run", "regal/call.completed", payload], { cwd: project });
  expect(result.code).toBe(1);
  expect(result.err).toHaveLength(1);
  expect(result.err[0]).toMatch(/^bdt: dist\/manifest\.json is not valid JSON \(.+\): run npm run build$/);
});
