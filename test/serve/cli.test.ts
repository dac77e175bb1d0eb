import { spawn } from "node:child_process";
import { renameSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { main } from "../../build/cli/main";
import type { Io } from "../../build/cli/io";
import { ROOT } from "../support/dist";
import { documentedPayload, json, postJson, serveProject } from "./serve-project";

function captureIo(cwd: string, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd, stdin: async () => stdin };
  return { io, out, err };
}

test("bdt serve answers Regal's documented call.completed as bdt run prints it, shows it on the page, and stops on Ctrl-C", async () => {
  const child = spawn(process.execPath, [join(ROOT, "build/bin/bdt.js"), "serve", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", () => {
        const match = / at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then(() => reject(new Error(`bdt serve exited: ${stderr}`)));
    });
    const payload = documentedPayload();
    const response = await postJson(`${url}/regal/call.completed`, payload);
    const run = captureIo(ROOT, JSON.stringify(payload));
    expect(await main(["run", "regal/call.completed", "-"], run.io)).toBe(0);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${run.out.join("\n")}\n`);

    const listing = await json(await fetch(`${url}/api/requests`));
    expect(listing.requests[0]).toMatchObject({ path: "/regal/call.completed", snippet: "regal/call.completed", verdict: "ok" });
    expect(await (await fetch(`${url}/`)).text()).toContain("<title>bdt serve: Logs</title>");
  } finally {
    child.kill("SIGINT");
  }
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/^bdt serve: \d+ snippets and \d+ webhook templates at http:\/\/127\.0\.0\.1:\d+\n/);
}, 20_000);

test("bdt serve refuses to start on a stale or unbuilt dist/ with that one line, exit 1", async () => {
  const scratch = serveProject();
  try {
    renameSync(scratch.project.distDir, join(scratch.root, "elsewhere"));
    const { io, err } = captureIo(scratch.root);
    expect(await main(["serve", "--port", "0"], io)).toBe(1);
    expect(err).toEqual(["dist/ is not built: run npm run build"]);
  } finally {
    scratch.remove();
  }
});

test("bdt serve's usage mistakes exit 2", async () => {
  for (const argv of [["serve", "--port", "http"], ["serve", "--log-size", "0"], ["serve", "extra"]]) {
    const { io } = captureIo(ROOT);
    expect(await main(argv, io)).toBe(2);
  }
});
