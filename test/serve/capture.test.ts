import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readFixtures } from "../../build/fixtures";
import { main } from "../../build/cli/main";
import type { Io } from "../../build/cli/io";
import { documentedPayload, json, postJson, serve, servedScratch } from "./serve-project";

/*
 * Saving a logged request as a fixture: into a scratch project (never the
 * repo's test/fixtures), scrubbed, with the golden a fresh `bdt run` of the
 * fixture gives, in the folder the fixture suite reads.
 */
const served = servedScratch();

async function bdt(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: served.scratch.root, stdin: async () => "" };
  return { code: await main(argv, io), out: out.join("\n"), err };
}

async function logged(path: string, payload: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await postJson(`${served.server.url}${path}`, payload, headers);
  return Number(response.headers.get("x-bdt-request-id"));
}

function capture(id: number, name?: string): Promise<Response> {
  return postJson(`${served.server.url}/api/requests/${id}/capture`, name === undefined ? {} : { name });
}

describe("capturing a request as a fixture", () => {
  test("writes a scrubbed fixture the fixture reader accepts, whose golden is what bdt run gives for it", async () => {
    const id = await logged("/regal/call.completed", documentedPayload(), { "X-Regal-Signature": "sig-1" });
    const response = await capture(id, "documented-live");
    expect(response.status).toBe(201);
    const { path } = await json(response);
    expect(path).toBe("test/fixtures/regal/call.completed/documented-live.json");
    const text = readFileSync(join(served.scratch.root, path), "utf8");
    for (const personal of ["Rebecca", "xxx@example.com", "+17625551796"]) expect(text).not.toContain(personal);

    const [fixture] = readFixtures(served.scratch.root, { source: "regal", event: "call.completed" });
    expect(fixture?.name).toBe("documented-live");
    expect(fixture?.data.description).toMatch(/^captured by bdt serve on \d{4}-\d{2}-\d{2}, scrubbed$/);
    expect(fixture?.data.headers).toMatchObject({ "content-type": "application/json", "x-regal-signature": "sig-1" });
    expect(fixture?.data.headers).not.toHaveProperty("host");
    expect(fixture?.data.headers).not.toHaveProperty("content-length");

    const run = await bdt(["run", "regal/call.completed", path]);
    expect(run.code).toBe(0);
    expect(fixture?.data.expected).toEqual(JSON.parse(run.out));
    expect(fixture?.data.expected).toBeValidBrazeRequest("POST /users/track");
  });

  test("a router's request goes to the folder of the event it carried", async () => {
    const id = await logged("/regal", documentedPayload("regal", "sms.sent"));
    const { path } = await json(await capture(id, "via-router"));
    expect(path).toBe("test/fixtures/regal/sms.sent/via-router.json");
  });

  test("a deliberate error becomes an error golden", async () => {
    const id = await logged("/regal/call.completed", { name: "call.completed", properties: { notes: "no one to write to" } });
    const { fixture } = await json(await capture(id, "no-one"));
    expect(fixture.error).toEqual({ name: "MissingIdentityError", message: expect.stringContaining("no user identifier in the payload") });
    expect(fixture.expected).toBeUndefined();
  });

  test("refuses to overwrite a file, a bad name, and a request that ran nothing", async () => {
    const id = await logged("/regal/call.completed", documentedPayload());
    expect((await capture(id, "same-name")).status).toBe(201);
    const again = await capture(id, "same-name");
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toBe("test/fixtures/regal/call.completed/same-name.json exists: give another name");
    expect((await capture(id, "../escape")).status).toBe(400);

    const rejected = await logged("/regal/call.completed", "{not json");
    expect((await capture(rejected)).status).toBe(409);
    expect((await capture(999999)).status).toBe(404);
  });

  test("without a name, one made of the request's time and id", async () => {
    const id = await logged("/regal/call.completed", documentedPayload());
    const { path } = await json(await capture(id));
    expect(path).toMatch(new RegExp(`^test/fixtures/regal/call\\.completed/captured-\\d{8}-\\d{6}-${id}\\.json$`));
  });
});

describe("bdt capture save", () => {
  test("asks the running server to save the request and prints the fixture's path", async () => {
    const id = await logged("/regal/call.completed", documentedPayload());
    const port = new URL(served.server.url).port;
    const saved = await bdt(["capture", "save", String(id), "--name", "from-cli", "--port", port]);
    expect(saved).toMatchObject({ code: 0, out: "test/fixtures/regal/call.completed/from-cli.json" });
    expect(existsSync(join(served.scratch.root, saved.out))).toBe(true);

    const again = await bdt(["capture", "save", String(id), "--name", "from-cli", "--port", port]);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([`error: request ${id}: test/fixtures/regal/call.completed/from-cli.json exists: give another name`]);
  });

  test("says so when no server answers, and what a usage mistake is", async () => {
    const closed = await serve(served.scratch.project);
    const port = new URL(closed.url).port;
    await closed.close();
    const none = await bdt(["capture", "save", "1", "--port", port]);
    expect(none.code).toBe(1);
    expect(none.err[0]).toMatch(new RegExp(`^error: no bdt serve answers at http://127\\.0\\.0\\.1:${port} \\(.+\\): start it, or give its --port$`));
    expect((await bdt(["capture", "save"])).code).toBe(2);
    expect((await bdt(["capture", "load", "1"])).code).toBe(2);
  });
});
