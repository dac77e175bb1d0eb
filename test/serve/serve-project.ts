import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectAt, type Project } from "../../build/project";
import { startServer, type RunningServer, type ServeOptions } from "../../serve/server";
import { afterAll, beforeAll } from "vitest";
import { ROOT } from "../support/dist";

interface Manifest {
  snippets: { id: string }[];
  webhooks: { id: string }[];
}

export interface ServeProject {
  readonly project: Project;
  readonly root: string;
  /** Adds or replaces a snippet in this dist/, manifest included, as a build would. */
  writeSnippet(id: string, code: string, destination?: string): void;
  /** Adds a webhook template's JSON to this dist/ and its manifest. */
  writeTemplate(template: { id: string; partner: string; method: string; url: string; headers: Record<string, string>; body: string }): void;
  remove(): void;
}

/**
 * A project in a temporary folder for bdt serve to write into: its own copy
 * of dist/ (to add snippets to, or rebuild), the repo's sources linked (the
 * server imports the sources' readers and the templates' modules), and the
 * webhook fixtures (profiles) but no transform fixtures, so captures land
 * here and never in the repo's test/fixtures.
 */
export function serveProject(): ServeProject {
  const root = mkdtempSync(join(tmpdir(), "bdt-serve-"));
  cpSync(join(ROOT, "dist"), join(root, "dist"), { recursive: true });
  for (const part of ["transforms", "webhooks", "contract", "test/fixtures/webhooks", "tsconfig.json", "package.json"]) {
    mkdirSync(dirname(join(root, part)), { recursive: true });
    symlinkSync(join(ROOT, part), join(root, part));
  }
  const project = projectAt(root);
  const writeDistFile = (file: string, content: string) => {
    mkdirSync(dirname(join(project.distDir, file)), { recursive: true });
    writeFileSync(join(project.distDir, file), content);
  };
  const editManifest = (edit: (manifest: Manifest) => void) => {
    const file = join(project.distDir, "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    edit(manifest);
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  };
  return {
    project,
    root,
    writeSnippet(id, code, destination = "POST /users/track") {
      const source = id.slice(0, id.lastIndexOf("/"));
      const entry = { id, file: `${id}.js`, source, events: [id.slice(source.length + 1)], destination, sha256: sha256(code), bytes: Buffer.byteLength(code) };
      writeDistFile(entry.file, code);
      editManifest((manifest) => (manifest.snippets = [...manifest.snippets.filter((snippet) => snippet.id !== id), entry]));
    },
    writeTemplate(template) {
      const text = JSON.stringify(template);
      const entry = { id: template.id, file: `webhooks/${template.id}.json`, partner: template.partner, request: template.partner, sha256: sha256(text), bytes: Buffer.byteLength(text) };
      writeDistFile(entry.file, text);
      editManifest((manifest) => manifest.webhooks.push(entry));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A server on a free port; `close` stops it and removes nothing. */
export function serve(project: Project, options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer({ project, port: 0, ...options });
}

/** One scratch project served for a whole test file: started before its tests, stopped and removed after them. */
export function servedScratch(): { readonly scratch: ServeProject; readonly server: RunningServer } {
  let scratch: ServeProject | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    scratch = serveProject();
    server = await serve(scratch.project);
  });
  afterAll(async () => {
    await server?.close();
    scratch?.remove();
  });
  return {
    get scratch() {
      return scratch!;
    },
    get server() {
      return server!;
    },
  };
}

/** A fixture's payload from the repo: the partner's documented example by default. */
export function documentedPayload(source = "regal", event = "call.completed", name = `${source.split("/")[0]}-documented`): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(ROOT, "test", "fixtures", source, event, `${name}.json`), "utf8")) as { payload: Record<string, unknown> }).payload;
}

/** An answer's JSON, of any shape, as a client reads it. */
export type Json = Record<string, any>;

export async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}
