import { connect } from "node:net";
import { expect, test } from "vitest";
import { documentedPayload, json, postJson, servedScratch } from "./serve-project";

/*
 * What a public tunnel brings: many webhooks at once, and junk. Real HTTP
 * requests and raw sockets against a server on a free port.
 */
const served = servedScratch();

const REGAL_BUDGET_MS = 5000;

test("200 concurrent webhooks are all answered 200 within Regal's 5 s, and all 200 are in the log", async () => {
  const payload = documentedPayload();
  const expected = await json(await postJson(`${served.server.url}/regal/call.completed`, payload));
  const answers = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const started = performance.now();
      const response = await postJson(`${served.server.url}/${i % 2 === 0 ? "regal/call.completed" : "regal"}`, payload);
      return { status: response.status, body: await json(response), id: Number(response.headers.get("x-bdt-request-id")), ms: performance.now() - started };
    }),
  );
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(answers.every((answer) => JSON.stringify(answer.body) === JSON.stringify(expected))).toBe(true);
  expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(REGAL_BUDGET_MS);
  const ids = new Set(answers.map((answer) => answer.id));
  expect(ids.size).toBe(200);
  expect([...ids].filter((id) => served.server.log.get(id)?.status !== 200)).toEqual([]);
});

/** Writes raw bytes on a socket and resolves with whatever the server answered (maybe nothing) once it closes. */
function raw(bytes: string | Buffer, { abortAfterWrite = false } = {}): Promise<string> {
  const { port } = new URL(served.server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("error", () => resolve(answer));
    socket.on("close", () => resolve(answer));
    socket.write(bytes, () => {
      if (abortAfterWrite) socket.destroy();
    });
    socket.setTimeout(3000, () => socket.destroy());
  });
}

test("a flood of malformed requests is refused one by one, and the server stays healthy", async () => {
  const url = `${served.server.url}/regal/call.completed`;
  const good = JSON.stringify(documentedPayload());
  const flood: Promise<unknown>[] = [];
  for (let i = 0; i < 100; i++) flood.push(postJson(url, `{"name": "call.completed", "x": ${"[".repeat(i)}`).then((r) => r.status));
  for (let i = 0; i < 100; i++) flood.push(postJson(url, good.slice(0, (i * 37) % good.length)).then((r) => r.status));
  for (let i = 0; i < 50; i++) {
    flood.push(fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=call.completed&userId=1" }).then((r) => r.status));
    flood.push(fetch(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\n\r\n{}\r\n--x--" }).then((r) => r.status));
    flood.push(fetch(url, { method: "POST", body: Buffer.from([0xc3, 0x28, 0xa0, 0xa1]) }).then((r) => r.status));
  }
  const statuses = (await Promise.all(flood)) as number[];
  expect(new Set(statuses)).toEqual(new Set([400]));

  const rawAnswers = await Promise.all([
    ...Array.from({ length: 20 }, () => raw(`POST /regal/call.completed HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`)),
    ...Array.from({ length: 20 }, () => raw("NOT HTTP AT ALL\r\n\r\n")),
    ...Array.from({ length: 20 }, () => raw(`POST /regal/call.completed HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{"name":`, { abortAfterWrite: true })),
    ...Array.from({ length: 20 }, () => raw("POST /regal/call.completed HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")),
    ...Array.from({ length: 20 }, () => raw(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]))),
  ]);
  expect(rawAnswers.slice(0, 20).every((answer) => answer.startsWith("HTTP/1.1 431 "))).toBe(true);
  expect(rawAnswers.slice(20, 40).every((answer) => answer.startsWith("HTTP/1.1 400 "))).toBe(true);

  const after = await postJson(url, good);
  expect(after.status).toBe(200);
  expect((await fetch(`${served.server.url}/api/requests`)).status).toBe(200);
  expect(served.server.log.list().length).toBeLessThanOrEqual(served.server.log.size);
});
