import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, expect, test } from "vitest";
import { fixtureVerdict } from "../../build/fixture-verdict";
import { projectAt } from "../../build/project";
import { readManifest, readSnippet } from "../support/dist";
import { FIXTURES } from "../support/fixtures";

/*
 * The watch verdict holds each case to its golden, as npm test does: the
 * built call.completed snippet against copies of its fixtures, some with
 * their golden changed.
 */
const entry = readManifest().find((snippet) => snippet.id === "regal/call.completed")!;
const snippet = { code: readSnippet(entry), meta: entry };
const original = (name: string) => JSON.parse(readFileSync(join(FIXTURES, "regal/call.completed", `${name}.json`), "utf8"));

let root: string;
const addCase = (name: string, data: unknown) => writeFileSync(join(root, "test/fixtures/regal/call.completed", `${name}.json`), JSON.stringify(data));
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bdt-verdict-"));
  mkdirSync(join(root, "test/fixtures/regal/call.completed"), { recursive: true });
  addCase("a-documented", original("regal-documented"));
  addCase("b-no-identity", original("no-identity"));
});
const verdict = () => fixtureVerdict(projectAt(root), snippet);

test("counts the cases that match their golden output or error", async () => {
  expect(await verdict()).toBe("2 of 2 match their goldens");
});

test("names the first case that differs from its golden output, with its first difference", async () => {
  const documented = original("regal-documented");
  documented.expected.events[0].name = "Call Ended";
  addCase("c-renamed", documented);
  const unknownKey = original("regal-documented");
  delete unknownKey.expected.events[0].properties.talk_time;
  addCase("d-talk-time", unknownKey);
  expect(await verdict()).toBe('2 of 4 match their goldens, 2 DIFFER (call.completed/c-renamed: events[0].name: expected "Call Ended", got "Call Completed")');
});

test("a golden error must be the error thrown, and an output where an error is expected differs", async () => {
  const otherMessage = original("no-identity");
  otherMessage.error.message = "something else";
  addCase("c-other-message", otherMessage);
  addCase("d-error-expected", { ...original("regal-documented"), expected: undefined, error: otherMessage.error });
  expect(await verdict()).toMatch(/^2 of 4 match their goldens, 2 DIFFER \(call\.completed\/c-other-message: message: expected "something else", got "Regal call\.completed: no user identifier/);
  addCase("c-other-message", original("no-identity"));
  expect(await verdict()).toBe("3 of 4 match their goldens, 1 DIFFER (call.completed/d-error-expected: expected MissingIdentityError, got an output)");
});

test("a case without a golden yet is counted apart", async () => {
  const { expected: _expected, ...fresh } = original("regal-documented");
  addCase("c-new", fresh);
  expect(await verdict()).toBe("2 of 2 match their goldens, 1 without a golden yet (npm test -- --update writes it)");
});

test("an output equal to its golden must still be a valid request", async () => {
  const invalid = { events: [{ external_id: "1", name: "X", time: "yesterday" }] };
  addCase("a-documented", { ...original("regal-documented"), expected: invalid });
  const code = `return ${JSON.stringify(invalid)};`;
  expect(await fixtureVerdict(projectAt(root), { code, meta: entry })).toMatch(/^0 of 2 match their goldens, 2 DIFFER \(call\.completed\/a-documented: invalid request: events\[0\]\.time: /);
});
