import { renameSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { documentedPayload, json, postJson, serve, serveProject } from "./serve-project";

/** Polls until `check` holds, for what a file watcher does in its own time. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("with watch, a rebuilt snippet is served without a restart", async () => {
  const scratch = serveProject();
  const lines: string[] = [];
  const server = await serve(scratch.project, { watch: true, notify: (line) => lines.push(line) });
  try {
    const before = await json(await postJson(`${server.url}/regal/call.completed`, documentedPayload()));
    expect(before.events[0].name).toBe("Call Completed");

    scratch.writeSnippet("regal/call.completed", 'return { events: [{ external_id: "rebuilt", name: "Rebuilt", time: "2025-01-01T00:00:00.000Z" }] };');
    await eventually(async () => (await json(await postJson(`${server.url}/regal/call.completed`, documentedPayload()))).events[0].name === "Rebuilt");
    expect(lines).toContain("reloaded dist/: 1 snippet changed (regal/call.completed)");
    expect((await postJson(`${server.url}/regal`, documentedPayload())).status).toBe(200);
  } finally {
    await server.close();
    scratch.remove();
  }
});

test("with watch, a server started before dist/ is built serves it once it is", async () => {
  const scratch = serveProject();
  const built = join(scratch.root, "dist-built");
  renameSync(scratch.project.distDir, built);
  const server = await serve(scratch.project, { watch: true });
  try {
    const early = await postJson(`${server.url}/regal/call.completed`, documentedPayload());
    expect(early.status).toBe(404);
    expect((await json(early)).error.message).toContain("dist/ has no snippets: run npm run build");

    renameSync(built, scratch.project.distDir);
    await eventually(async () => (await postJson(`${server.url}/regal/call.completed`, documentedPayload())).status === 200);
  } finally {
    await server.close();
    scratch.remove();
  }
});

test("with watch, a dist/ that appears just as the server starts is served", async () => {
  const scratch = serveProject();
  const built = join(scratch.root, "dist-built");
  renameSync(scratch.project.distDir, built);
  const server = await serve(scratch.project, { watch: true });
  // Before the watcher's first poll: the server read no dist/, so this is a change it must see.
  renameSync(built, scratch.project.distDir);
  try {
    await eventually(async () => (await postJson(`${server.url}/regal/call.completed`, documentedPayload())).status === 200);
  } finally {
    await server.close();
    scratch.remove();
  }
});
