import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { bdt as runBdt } from "./bdt";
import { ROOT } from "../support/dist";
import { FIXTURES } from "../support/fixtures";
import { scratchProject } from "../support/scratch-project";

/** stdout as one text, as a file it is redirected to would hold it. */
async function bdt(argv: string[], stdin = "", cwd = ROOT) {
  const result = await runBdt(argv, { stdin, cwd });
  return { ...result, out: result.out.join("\n") };
}

const fixture = (event: string, name: string) => join(FIXTURES, "regal", event, `${name}.json`);
const scratch = mkdtempSync(join(tmpdir(), "bdt-cli-"));
const file = (name: string, content: string) => {
  writeFileSync(join(scratch, name), content);
  return join(scratch, name);
};

describe("bdt run", () => {
  test("prints the output as pretty JSON and the verdict, exit 0", async () => {
    const result = await bdt(["run", "regal/call.completed", fixture("call.completed", "braze-documented")]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ events: [{ external_id: "123", name: "Call Completed" }] });
    expect(result.out).toContain('\n  "events": [');
    expect(result.err).toEqual([
      expect.stringMatching(/^ok: valid POST \/users\/track request from regal\/call\.completed in [\d.]+ ms, cost \d+ \(\d+\.\d% of the 200 budget\)$/),
    ]);
  });

  test("finds a snippet by event name or by file, and reads the payload from stdin", async () => {
    const payload = JSON.stringify({ name: "contact.experiment.assigned", userId: "9", originalTimestamp: 1657855118 });
    const byEvent = await bdt(["run", "contact.experiment.assigned", "-"], payload);
    const byFile = await bdt(["run", "dist/regal/contact.experiment.assigned.js"], payload);
    expect(byEvent.code).toBe(0);
    expect({ code: byFile.code, out: byFile.out }).toEqual({ code: byEvent.code, out: byEvent.out });
  });

  test("a transform error is one line on stderr, exit 1", async () => {
    const result = await bdt(["run", "regal/call.completed", fixture("call.completed", "no-identity")]);
    expect(result).toMatchObject({ code: 1, out: "" });
    expect(result.err).toEqual([
      expect.stringMatching(/^error: regal\/call\.completed: .*MissingIdentityError.*call\.completed: no user identifier in the payload/),
    ]);
  });

  test("an invalid request is one line naming each problem's path, exit 1", async () => {
    const snippet = file("invalid.js", 'return { events: [{ external_id: "1", name: "X", time: "yesterday", properties: { $p: 1 } }] };');
    const result = await bdt(["run", snippet, file("payload.json", "{}")]);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^error: .*invalid\.js returned an invalid POST \/users\/track request: events\[0\]\.time: .*; events\[0\]\.properties\["\$p"\]: key must not start with "\$"$/);
  });

  test("--headers are passed to the snippet", async () => {
    const snippet = file("headers.js", 'return { events: [{ external_id: headers["X-User"], name: "Seen", time: "2024-01-01T00:00:00Z" }] };');
    const result = await bdt(["run", snippet, file("p.json", "{}"), "--headers", file("h.json", '{"X-User":"u-7"}')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).events[0].external_id).toBe("u-7");
  });

  test("--now sets the frozen clock", async () => {
    const snippet = file("clock.js", 'return { events: [{ external_id: "1", name: "Tick", time: new Date() }] };');
    const result = await bdt(["run", snippet, file("p2.json", "{}"), "--now", "2030-05-06T07:08:09Z"]);
    expect(JSON.parse(result.out).events[0].time).toBe("2030-05-06T07:08:09.000Z");
  });

  test.each([
    [["run"], /bdt run needs a transform id/],
    [["run", "regal/call.complete", "x.json"], /^bdt: unknown transform "regal\/call\.complete": did you mean regal\/call\.completed\?$/],
    [["run", "regal/call.completed", "missing.json"], /file not found: missing\.json/],
    [["run", "regal/call.completed", "package.json", "--now", "soon"], /--now: "soon" is not an ISO-8601 date/],
    [["run", "a", "b", "c"], /unexpected argument "c"/],
    [["build", "--bogus"], /Unknown option '--bogus'/],
    [["build", "extra"], /bdt build takes no arguments/],
    [["frobnicate"], /^bdt: unknown command "frobnicate"$/],
    [["biuld"], /^bdt: unknown command "biuld": did you mean build\?$/],
    [[], /no command given/],
  ])("usage mistake %j: one line and the usage, exit 2", async (argv, message) => {
    const result = await bdt(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(message);
    expect(result.err[1]).toMatch(/^usage:/);
  });
});

test("bdt check runs the static checks", async () => {
  expect(await bdt(["check"])).toEqual({ code: 0, out: "static checks passed", err: [] });
});

test("bdt build --strict fails on placeholders still in the settings, one line each", async () => {
  const scratch = scratchProject();
  const result = await bdt(["build", "--check", "--strict"], "", scratch.root).finally(() => scratch.remove());
  expect(result.code).toBe(1);
  expect(result.err).toEqual([
    "bdt: placeholders in settings (--strict)",
    expect.stringMatching(/^  settings\.sources\.regal\.subscriptionGroups\.voice is still the placeholder "YOUR VOICE SUBSCRIPTION GROUP ID", baked into regal\/contact\.unsubscribed/),
    expect.stringMatching(/^  settings\.sources\.regal\.subscriptionGroups\.sms is still the placeholder/),
  ]);
});

test("the installed bin runs as a process with the same exit codes", async () => {
  const run = promisify(execFile);
  const bin = join(ROOT, "build/bin/bdt.js");
  const ok = await run("node", [bin, "run", "regal/call.completed", fixture("call.completed", "braze-documented")], { cwd: ROOT });
  expect(JSON.parse(ok.stdout).events[0].name).toBe("Call Completed");
  const failure = await run("node", [bin, "run", "regal/call.completed", fixture("call.completed", "misrouted")], { cwd: ROOT }).catch((e) => e);
  expect(failure.code).toBe(1);
  expect(failure.stderr.trim().split("\n")).toHaveLength(1);
  const usage = await run("node", [bin, "nope"], { cwd: ROOT }).catch((e) => e);
  expect(usage.code).toBe(2);
});

test("npx bdt runs the package's own bin: stdout holds only the output, so it can go to a file", async () => {
  const run = promisify(execFile);
  const { stdout, stderr } = await run("npx", ["bdt", "run", "regal/call.completed", fixture("call.completed", "regal-documented")], { cwd: ROOT });
  expect(JSON.parse(stdout).events[0].name).toBe("Call Completed");
  expect(stderr).toMatch(/^ok: valid POST \/users\/track request from regal\/call\.completed /);
});
