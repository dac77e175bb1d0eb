import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { didYouMean } from "../../build/cli/did-you-mean";
import { bdt } from "./bdt";

const ids = ["regal/call.completed", "regal/call.placed", "regal/sms.sent", "regal/sms.received", "regal/mms.sent", "regal/email.sent", "regal/router"];

test.each([
  ["regal/call.complete", ": did you mean regal/call.completed?"],
  ["REGAL/CALL.COMPLETED", ": did you mean regal/call.completed?"],
  ["regal/sms.snet", ": did you mean regal/sms.sent?"],
  ["regal/xms.sent", ": did you mean regal/mms.sent or regal/sms.sent?"],
  ["regal/nope", ""],
  ["", ""],
])("%j among Regal's ids: %j", (name, suggestion) => {
  expect(didYouMean(name, ids)).toBe(suggestion);
});

test("suggests at most three names, however many are as close", () => {
  expect(didYouMean("a/x", ["a/b", "a/c", "a/d", "a/e", "a/f"])).toBe(": did you mean a/b, a/c or a/d?");
});

test("an unknown transform is one short line, never the list of every id", async () => {
  const typo = await bdt(["run", "zendesk/ticket.create", "x.json"]);
  expect(typo.err[0]).toBe('bdt: unknown transform "zendesk/ticket.create": did you mean zendesk/ticket.created?');
  const far = await bdt(["run", "regal/nope", "x.json"]);
  expect(far.code).toBe(2);
  expect(far.err[0]).toMatch(/^bdt: unknown transform "regal\/nope" \(none of the \d+ snippets in dist\/manifest\.json is named like it\)$/);
});

test("an event two snippets handle is refused by name, asking for an id", async () => {
  const root = mkdtempSync(join(tmpdir(), "bdt-ambiguous-"));
  mkdirSync(join(root, "dist"));
  const snippet = (source: string) => ({ id: `${source}/order.placed`, file: `${source}/order.placed.js`, events: ["order.placed"], destination: "POST /users/track" });
  writeFileSync(join(root, "dist/manifest.json"), JSON.stringify({ snippets: [snippet("acme"), snippet("shop")] }));
  const result = await bdt(["run", "order.placed", "x.json"], { cwd: root });
  expect(result.code).toBe(2);
  expect(result.err[0]).toBe('bdt: "order.placed" is the event of acme/order.placed and shop/order.placed: name one by its id');
});
