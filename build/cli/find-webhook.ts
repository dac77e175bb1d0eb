import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Project } from "../project";
import type { ShippedWebhook } from "../webhooks/dist-files";
import { UsageError } from "./args";

export interface WebhookTarget {
  readonly webhook: ShippedWebhook;
  /** The template module it was built from, when the manifest lists it. */
  readonly templateFile?: string;
}

interface ManifestWebhook {
  readonly id: string;
  readonly file: string;
}

/** A template named by its id (`rokt/new-event`) or the path of its JSON file. */
export function findWebhook(project: Project, target: string): WebhookTarget {
  const manifest = readManifestWebhooks(project);
  if (target.endsWith(".json")) {
    const path = resolve(project.root, target);
    if (!existsSync(path)) throw new UsageError(`template file not found: ${target}`);
    const listed = manifest.find((entry) => resolve(project.distDir, entry.file) === path);
    return { webhook: readWebhook(path, target), templateFile: listed && templateFile(project, listed.id) };
  }
  const entry = manifest.find((candidate) => candidate.id === target);
  if (!entry) {
    const partner = target.split("/")[0];
    const near = manifest.filter((candidate) => candidate.id.startsWith(`${partner}/`)).map((candidate) => candidate.id);
    const hint = manifest.length === 0 ? "none is built: run npm run build first" : `known: ${(near.length > 0 ? near : manifest.map((candidate) => candidate.id)).join(", ")}`;
    throw new UsageError(`unknown webhook template "${target}" (${hint})`);
  }
  return { webhook: readWebhook(resolve(project.distDir, entry.file), entry.file), templateFile: templateFile(project, entry.id) };
}

function templateFile(project: Project, id: string): string {
  return resolve(project.webhooksDir, `${id}.ts`);
}

function readManifestWebhooks(project: Project): ManifestWebhook[] {
  const file = resolve(project.distDir, "manifest.json");
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { webhooks?: ManifestWebhook[] }).webhooks ?? [];
}

function readWebhook(path: string, name: string): ShippedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  const fields = json as Partial<ShippedWebhook> | null;
  const complete = typeof fields === "object" && fields !== null && typeof fields.url === "string" && typeof fields.body === "string" && typeof fields.method === "string" && typeof fields.headers === "object";
  if (!complete) throw new UsageError(`${name} is not a webhook template: it needs method, url, headers and body`);
  return json as ShippedWebhook;
}
