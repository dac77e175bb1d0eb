import { expect, test } from "vitest";
import type { RunResult } from "../../sandbox";
import { openEngine } from "./engines";
import { DELIBERATE_ERRORS, unacceptable } from "./outcome";

const stats = { durationMs: 0, memoryUsedBytes: 0, outputBytes: 0, cost: 0 };
const failure = (kind: string, name: string, message: string) => ({ ok: false, error: { kind, name, message }, logs: [], stats }) as RunResult;

test("the deliberate errors are the ones transforms/lib defines", () => {
  expect([...DELIBERATE_ERRORS].sort()).toEqual(["InvalidPayloadError", "MisroutedEventError", "MissingIdentityError", "NotWrittenError", "UnauthenticatedError", "UnmappedValueError"]);
});

test("only a valid request or a one-line deliberate error is acceptable", () => {
  const ok = (output: unknown) => ({ ok: true, output, logs: [], stats }) as RunResult;
  expect(unacceptable(ok({ events: [{ external_id: "1", name: "E", time: "2024-01-01T00:00:00Z" }] }), "POST /users/track")).toBeUndefined();
  expect(unacceptable(ok({ events: [{ name: "E", time: "2024-01-01T00:00:00Z" }] }), "POST /users/track")).toMatch(/^invalid POST \/users\/track request: events\[0\]: no identifier/);
  expect(unacceptable(failure("throw", "MissingIdentityError", "e: no user identifier"), "POST /users/track")).toBeUndefined();
  expect(unacceptable(failure("throw", "TypeError", "x is undefined"), "POST /users/track")).toBe("not a deliberate error: TypeError: x is undefined");
  expect(unacceptable(failure("timeout", "", "exceeded"), "POST /users/track")).toBe("timeout: exceeded");
  expect(unacceptable(failure("throw", "MisroutedEventError", "two\nlines"), "POST /users/track")).toMatch(/multi-line message/);
});

test("a V8 run's crash, timeout or missing output is unacceptable, a deliberate error is not", async () => {
  const inV8 = async (code: string) => (await openEngine("v8", code)).run({});
  expect(unacceptable(await inV8("return payload.a.b;"), "POST /users/track")).toMatch(/^not a deliberate error: TypeError: /);
  expect(unacceptable(await inV8("while (true) {}"), "POST /users/track")).toMatch(/^host: Script execution timed out/);
  expect(unacceptable(await inV8("return;"), "POST /users/track")).toMatch(/^invalid POST \/users\/track request: /);
  const deliberate = 'var e = new Error("Regal call.completed: no user identifier"); e.name = "MissingIdentityError"; throw e;';
  expect(unacceptable(await inV8(deliberate), "POST /users/track")).toBeUndefined();
});
