import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../../build/cli/main";
import { parseProfile, renderWebhook } from "../../liquid";
import type { RunningServer } from "../../serve/server";
import { ROOT } from "../support/dist";
import { documentedPayload, json, postJson, serve, serveProject, type ServeProject } from "./serve-project";

/*
 * Every status bdt serve answers, driven with real HTTP requests to a server
 * on a free port, over a copy of dist/ with snippets added that fail on
 * purpose (test/invalid, test/loop).
 */
let scratch: ServeProject;
let server: RunningServer;
let url: string;

beforeAll(async () => {
  scratch = serveProject();
  scratch.writeSnippet("test/invalid", 'return { events: [{ name: "no user, no time" }] };');
  scratch.writeSnippet("test/loop", "while (true) {}");
  server = await serve(scratch.project);
  url = server.url;
});

afterAll(async () => {
  await server?.close();
  scratch?.remove();
});

async function answer(response: Response) {
  return { status: response.status, body: await json(response) };
}

describe("a transformation's URL", () => {
  test("POST /<id> answers 200 with exactly what bdt run prints, and logs it", async () => {
    const payload = documentedPayload();
    const response = await postJson(`${url}/regal/call.completed`, payload);
    const printed: string[] = [];
    const io = { out: (line: string) => printed.push(line), err: () => undefined, cwd: scratch.root, stdin: async () => JSON.stringify(payload) };
    expect(await main(["run", "regal/call.completed", "-"], io)).toBe(0);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe(`${printed.join("\n")}\n`);
    const logged = server.log.get(Number(response.headers.get("x-bdt-request-id")));
    expect(logged).toMatchObject({ path: "/regal/call.completed", snippet: "regal/call.completed", verdict: "ok", status: 200, payload });
    expect(logged?.headers["content-type"]).toBe("application/json");
  });

  test("POST /<source> runs the source's router, nested sources too", async () => {
    const direct = await json(await postJson(`${url}/regal/call.completed`, documentedPayload()));
    const routed = await postJson(`${url}/regal/`, documentedPayload());
    expect(routed.status).toBe(200);
    expect(await json(routed)).toEqual(direct);
    expect(server.log.get(Number(routed.headers.get("x-bdt-request-id")))?.snippet).toBe("regal/router");

    const trigger = await postJson(`${url}/zendesk/triggers`, documentedPayload("zendesk/triggers", "ticket_solved", "zendesk-shape"));
    expect(trigger.status).toBe(200);
    expect(server.log.get(Number(trigger.headers.get("x-bdt-request-id")))?.snippet).toBe("zendesk/triggers/router");
  });

  test("the snippet sees the request's headers with Braze's canonical names", async () => {
    scratch.writeSnippet("test/headers", "return { attributes: [{ external_id: headers['X-Braze-Transform-Key'] + '/' + headers['Content-Type'] }] };");
    const fresh = await serve(scratch.project);
    try {
      const response = await postJson(`${fresh.url}/test/headers`, {}, { "x-braze-TRANSFORM-key": "k-1" });
      expect(await answer(response)).toEqual({ status: 200, body: { attributes: [{ external_id: "k-1/application/json" }] } });
    } finally {
      await fresh.close();
    }
  });

  test("with engine v8 the same requests get the same answers, from V8", async () => {
    scratch.writeSnippet("test/engine", "return { attributes: [{ external_id: typeof Intl }] };");
    const [quickjs, v8] = [await serve(scratch.project), await serve(scratch.project, { engine: "v8" })];
    try {
      const documented = (base: string) => postJson(`${base}/regal/call.completed`, documentedPayload()).then(json);
      expect(await documented(v8.url)).toEqual(await documented(quickjs.url));
      expect(await answer(await postJson(`${v8.url}/test/engine`, {}))).toEqual({ status: 200, body: { attributes: [{ external_id: "object" }] } });
      expect(await answer(await postJson(`${quickjs.url}/test/engine`, {}))).toEqual({ status: 200, body: { attributes: [{ external_id: "undefined" }] } });
    } finally {
      await Promise.all([quickjs.close(), v8.close()]);
    }
  });

  test("a deliberate error is 422 with its kind, name and message", async () => {
    const { status, body } = await answer(await postJson(`${url}/regal/call.completed`, [1, 2]));
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ kind: "throw", name: "InvalidPayloadError", message: "payload: expected a webhook object, got an array" });
    expect(server.log.list()[0]).toMatchObject({ verdict: "error", error: { name: "InvalidPayloadError" } });
  });

  test("an invalid request is 422 with the validator's problems and the output", async () => {
    const { status, body } = await answer(await postJson(`${url}/test/invalid`, {}));
    expect(status).toBe(422);
    expect(body.error).toEqual({ kind: "invalid-request", message: "test/invalid returned an invalid POST /users/track request" });
    expect(body.problems.length).toBeGreaterThan(0);
    expect(body.output).toEqual({ events: [{ name: "no user, no time" }] });
    expect(server.log.list()[0]).toMatchObject({ verdict: "invalid", problems: body.problems });
  });

  test("a run over the sandbox's 1 s is 422 timeout; a request still waiting at the deadline is answered 503", async () => {
    const slow = await serve(scratch.project, { deadlineMs: 500 });
    try {
      // From another process, so that the requests are sent while a run holds this one: they queue on the one runner, each run blocking for 1 s.
      const client = `Promise.all([0, 1, 2].map(async () => { const started = Date.now(); const r = await fetch(process.argv[1], { method: "POST", body: "{}" });
        return { status: r.status, kind: (await r.json()).error.kind, ms: Date.now() - started }; })).then((all) => console.log(JSON.stringify(all)));`;
      const { stdout } = await promisify(execFile)(process.execPath, ["-e", client, `${slow.url}/test/loop`]);
      const answers = JSON.parse(stdout) as { status: number; kind: string; ms: number }[];
      const kinds = answers.map(({ status, kind }) => `${status} ${kind}`);
      expect(kinds).toContain("422 timeout");
      expect(kinds).toContain("503 over-deadline");
      expect(new Set(kinds)).toEqual(new Set(["422 timeout", "503 over-deadline"]));
      expect(Math.max(...answers.map(({ ms }) => ms))).toBeLessThan(5000);
      expect(slow.log.list().find((entry) => entry.status === 503)?.error?.message).toBe(
        "no answer within 500 ms (Regal waits 5 s): test/loop is still running or queued behind other runs",
      );
    } finally {
      await slow.close();
    }
  });

  test("a body that is not JSON is 400 with where it stops being JSON", async () => {
    const { status, body } = await answer(await postJson(`${url}/regal/call.completed`, '{"name": "call.completed",}'));
    expect(status).toBe(400);
    expect(body.error).toEqual({ kind: "not-json", message: expect.stringMatching(/^the body is not JSON \(sent as application\/json\): expected a double-quoted property name, got .+ at position 26$/) });
    expect(server.log.list()[0]).toMatchObject({ verdict: "rejected", status: 400, body: '{"name": "call.completed",}', snippet: "regal/call.completed" });

    const empty = await answer(await postJson(`${url}/regal/call.completed`, ""));
    expect(empty).toMatchObject({ status: 400, body: { error: { kind: "empty-body" } } });
    const binary = await fetch(`${url}/regal/call.completed`, { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect(await answer(binary)).toMatchObject({ status: 400, body: { error: { kind: "not-utf8" } } });
  });

  test("a wrong method is 405 with Allow", async () => {
    const response = await fetch(`${url}/regal/call.completed`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await json(response)).error.kind).toBe("wrong-method");
    const root = await postJson(`${url}/`, {});
    expect(root.status).toBe(405);
    expect(root.headers.get("allow")).toBe("GET");
  });

  test("a body over the limit is 413, whether its length is declared or streamed", async () => {
    const small = await serve(scratch.project, { bodyLimit: 1024 });
    try {
      const declared = await answer(await postJson(`${small.url}/regal/call.completed`, { filler: "x".repeat(2000) }));
      expect(declared).toMatchObject({ status: 413, body: { error: { kind: "too-large", message: expect.stringContaining("over the 1 KiB limit") } } });
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 64; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
          controller.close();
        },
      });
      const streamed = await fetch(`${small.url}/regal/call.completed`, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
      expect(await answer(streamed)).toMatchObject({ status: 413, body: { error: { kind: "too-large" } } });
    } finally {
      await small.close();
    }
  });

  test("an unknown path is 404 with a few nearby ids and where to find them all", async () => {
    const { status, body } = await answer(await postJson(`${url}/regal/call.complete`, {}));
    expect(status).toBe(404);
    expect(body.error.message).toBe(
      "no snippet at /regal/call.complete (did you mean /regal/call.completed?): POST /<snippet id> runs that snippet (e.g. /regal/call.completed), POST /<source> its router; GET /api/requests or dist/manifest.json lists every id",
    );
    expect(server.log.list()[0]).toMatchObject({ verdict: "rejected", status: 404 });
    expect((await answer(await postJson(`${url}/nothing-like-it-at-all`, {}))).body.error.message).not.toContain("did you mean");
  });

  test("a failure of the server itself is a 500 with the reason, and the next request is served", async () => {
    // A template listed in dist/ whose module is not in webhooks/: the inspector cannot load its partner request.
    scratch.writeTemplate({ id: "gone/template", partner: "gone", method: "POST", url: "https://example.com", headers: {}, body: "{}" });
    const fresh = await serve(scratch.project);
    try {
      const failed = await answer(await postJson(`${fresh.url}/inspect/gone/template`, {}));
      expect(failed.status).toBe(500);
      expect(failed.body.error.kind).toBe("server-error");
      expect(failed.body.error.message).toMatch(/^bdt serve failed on this request: /);
      expect((await postJson(`${fresh.url}/regal/call.completed`, documentedPayload())).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe("the request inspector", () => {
  const template = () => JSON.parse(readFileSync(join(ROOT, "dist/webhooks/regal/create-contact.json"), "utf8"));
  const plain = () => parseProfile(JSON.parse(readFileSync(join(ROOT, "test/fixtures/webhooks/profiles/plain.json"), "utf8")), "plain.json").profile;

  test("checks what Braze sent against the partner's schema and logs it beside the local render", async () => {
    const sent = await renderWebhook(template(), { user: plain(), contentBlocks: { regal_api_key: "rgl_live_real_key" } });
    if (!sent.sent) throw new Error(sent.reason);
    const response = await fetch(`${url}/inspect/regal/create-contact`, { method: sent.method, headers: sent.headers, body: sent.body });
    expect(await answer(response)).toMatchObject({ status: 200, body: { template: "regal/create-contact", valid: true, problems: [] } });
    const { inspection } = server.log.get(Number(response.headers.get("x-bdt-request-id")))!;
    expect(inspection).toMatchObject({ template: "regal/create-contact", partnerRequest: "Regal Custom Events API", profile: "test/fixtures/webhooks/profiles/plain.json" });
    expect(inspection?.received).toMatchObject({ method: "POST", body: sent.body, problems: [], headers: { authorization: "rgl_live_real_key" } });
    const rendered = { method: sent.method, url: sent.url, headers: { ...sent.headers, Authorization: "rgl_live_sample_7f3a9c" }, body: sent.body };
    expect(inspection?.local).toEqual({ sent: true, request: rendered, problems: [] });
  });

  test("a request the partner would refuse is 422 with the problems; ?profile= renders for another user", async () => {
    const response = await fetch(`${url}/inspect/regal/create-contact?profile=test/fixtures/webhooks/profiles/quotes.json`, { method: "POST", body: "{}" });
    const { status, body } = await answer(response);
    expect(status).toBe(422);
    expect(body.error.kind).toBe("invalid-partner-request");
    expect(body.problems).toContain("headers.Authorization: missing");
    const { inspection } = server.log.get(Number(response.headers.get("x-bdt-request-id")))!;
    expect(inspection?.local.sent && inspection.local.request.body).toContain('"firstName": "Ann \\"Annie\\""');
  });

  test("a profile outside the project is not read; the received request is logged all the same", async () => {
    const response = await fetch(`${url}/inspect/regal/create-contact?profile=../../etc/passwd`, { method: "POST", body: "{}" });
    expect(response.status).toBe(422);
    expect(server.log.get(Number(response.headers.get("x-bdt-request-id")))?.inspection?.local).toEqual({
      sent: false,
      reason: "profile ../../etc/passwd: give a .json file inside the project, e.g. test/fixtures/webhooks/profiles/plain.json",
    });
  });

  test("an unknown template is 404 with near ones, a method no partner request has 405", async () => {
    const unknown = await answer(await postJson(`${url}/inspect/regal/create-contacts`, {}));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("(did you mean /inspect/regal/create-contact?)");
    const patch = await fetch(`${url}/inspect/regal/create-contact`, { method: "PATCH", body: "{}" });
    expect(patch.status).toBe(405);
    expect(patch.headers.get("allow")).toBe("POST, PUT, GET, DELETE");
  });
});

describe("the Logs page's API", () => {
  test("GET /api/requests lists the log newest first, GET /api/requests/<id> one request whole", async () => {
    const posted = await postJson(`${url}/regal/call.completed`, documentedPayload());
    const id = Number(posted.headers.get("x-bdt-request-id"));
    const listing = await json(await fetch(`${url}/api/requests`));
    expect(listing.requests[0]).toMatchObject({ id, path: "/regal/call.completed", snippet: "regal/call.completed", verdict: "ok", status: 200 });
    expect(listing.requests[0].payload).toBeUndefined();
    expect(listing.snippets).toContain("zendesk/triggers/router");
    expect(listing.templates).toContain("regal/create-contact");
    const whole = await json(await fetch(`${url}/api/requests/${id}`));
    expect(whole).toMatchObject({ id, payload: documentedPayload(), output: await json(posted) });
    expect((await fetch(`${url}/api/requests/999999`)).status).toBe(404);
  });

  test("the page and its API refuse requests that came through a proxy or from another site", async () => {
    for (const headers of [{ "x-forwarded-for": "203.0.113.7" }, { origin: "https://elsewhere.example" }] as Record<string, string>[]) {
      expect((await fetch(`${url}/`, { headers })).status).toBe(403);
      expect((await fetch(`${url}/api/requests`, { headers })).status).toBe(403);
    }
    const capture = await fetch(`${url}/api/requests/1/capture`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(capture.status).toBe(415);
  });

  test("the log keeps the last N requests", async () => {
    const small = await serve(scratch.project, { logSize: 3 });
    try {
      for (let i = 0; i < 5; i++) await postJson(`${small.url}/regal/call.completed`, documentedPayload());
      expect(small.log.list().map((entry) => entry.id)).toEqual([5, 4, 3]);
      expect((await fetch(`${small.url}/api/requests/1`)).status).toBe(404);
    } finally {
      await small.close();
    }
  });
});
