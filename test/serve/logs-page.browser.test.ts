import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseProfile, renderWebhook } from "../../liquid";
import type { RunningServer } from "../../serve/server";
import { ROOT } from "../support/dist";
import { documentedPayload, postJson, serve, serveProject, type ServeProject } from "./serve-project";

/*
 * The Logs page in a real headless browser: Debian's Chromium, driven by
 * playwright-core, never a downloaded browser. Without Chromium this fails,
 * rather than passing untested.
 */
const CHROMIUM = "/usr/bin/chromium";

let scratch: ServeProject;
let server: RunningServer;
let profileDir: string;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Each test fails, not skips, without a browser: a suite that cannot run must not count as passed. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error("Chromium is not installed: run apt-get install chromium (.ci/run does)");
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  scratch = serveProject();
  server = await serve(scratch.project);
  profileDir = mkdtempSync(join(tmpdir(), "bdt-chromium-"));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(5000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  scratch?.remove();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const row = (id: number) => page.locator(`#requests tbody tr[data-id="${id}"]`);
const field = (name: string) => page.locator(`#detail [data-field="${name}"]`);

test("a request shows as a row, opens with its payload, headers, output and verdict, and saves as a fixture", async () => {
  requireChromium();
  const posted = await postJson(`${server.url}/regal/call.completed`, documentedPayload(), { "X-Partner": "regal-webhooks" });
  const id = Number(posted.headers.get("x-bdt-request-id"));
  await page.goto(`${server.url}/`);

  await expect.poll(() => row(id).count()).toBe(1);
  expect(await row(id).locator('[data-field="path"]').textContent()).toBe("POST /regal/call.completed");
  expect(await row(id).locator('[data-field="snippet"]').textContent()).toBe("regal/call.completed");
  expect(await row(id).locator('[data-field="verdict"]').textContent()).toBe("ok");
  expect(await row(id).locator('[data-field="time"]').textContent()).toBe(server.log.get(id)?.time);

  await row(id).click();
  await field("payload").waitFor();
  expect(await field("payload").textContent()).toContain('"name": "call.completed"');
  expect(await field("headers").textContent()).toContain('"x-partner": "regal-webhooks"');
  expect(await field("output").textContent()).toContain('"name": "Call Completed"');
  expect(await field("problems").textContent()).toBe("valid request");

  await page.fill("#capture-name", "from-the-page");
  await page.click("#capture");
  await expect.poll(() => page.locator("#capture-result").textContent()).toContain("Saved test/fixtures/regal/call.completed/from-the-page.json");
  const saved = JSON.parse(readFileSync(join(scratch.root, "test/fixtures/regal/call.completed/from-the-page.json"), "utf8"));
  expect(saved.expected.events[0].name).toBe("Call Completed");
  expect(existsSync(join(ROOT, "test/fixtures/regal/call.completed/from-the-page.json"))).toBe(false);
  expect(pageErrors).toEqual([]);
});

test("an error shows its kind, name and message; polling shows new requests without a reload", async () => {
  requireChromium();
  await page.goto(`${server.url}/`);
  const posted = await postJson(`${server.url}/regal/call.completed`, [1]);
  const id = Number(posted.headers.get("x-bdt-request-id"));
  await expect.poll(() => row(id).count(), { timeout: 5000 }).toBe(1);
  expect(await row(id).locator('[data-field="verdict"]').textContent()).toBe("error");
  await row(id).click();
  await field("error").waitFor();
  expect(await field("error-kind").textContent()).toBe("throw");
  expect(await field("error").textContent()).toMatch(/^Errorthrow InvalidPayloadError at line \d+: payload: expected a webhook object, got an array$/);
  expect(pageErrors).toEqual([]);
});

test("an inspected webhook shows beside the same template rendered here, each with the partner's verdict", async () => {
  requireChromium();
  // What Braze would send for its test user: the template rendered for another profile than the page's default.
  const webhook = JSON.parse(readFileSync(join(ROOT, "dist/webhooks/regal/create-contact.json"), "utf8"));
  const user = parseProfile(JSON.parse(readFileSync(join(ROOT, "test/fixtures/webhooks/profiles/quotes.json"), "utf8")), "quotes.json").profile;
  const sent = await renderWebhook(webhook, { user, contentBlocks: { regal_api_key: "rgl_live_sample_7f3a9c" } });
  if (!sent.sent) throw new Error(`the template did not render: ${sent.reason}`);
  const response = await fetch(`${server.url}/inspect/regal/create-contact`, { method: sent.method, headers: sent.headers, body: sent.body });
  expect(response.status).toBe(200);
  const id = Number(response.headers.get("x-bdt-request-id"));

  await page.goto(`${server.url}/#${id}`);
  await field("received").waitFor();
  expect(await row(id).locator('[data-field="snippet"]').textContent()).toBe("regal/create-contact");
  expect(await field("received").locator('[data-part="body"]').textContent()).toBe(JSON.stringify(JSON.parse(sent.body), null, 2));
  expect(await field("received-problems").textContent()).toBe("a valid Regal Custom Events API request");
  expect(await field("local").locator('[data-part="request"]').textContent()).toContain("POST https://events.regalvoice.com/events");
  expect(await field("local").locator('[data-part="body"]').textContent()).toContain('"firstName": "Ann"');
  expect(await field("local-problems").textContent()).toBe("a valid Regal Custom Events API request");
  expect(pageErrors).toEqual([]);
});
