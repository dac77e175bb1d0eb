import { existsSync, readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import { readManifest } from "../manifest";
import type { Project } from "../project";
import type { ShippedWebhook } from "../webhooks/dist-files";
import { UsageError } from "./args";
import { didYouMean } from "./did-you-mean";
import { InputError } from "./input-error";
import { parseJson } from "./input-files";

export interface WebhookTarget {
  readonly webhook: ShippedWebhook;
  /** The partner request it was built for (its manifest entry's `request`), when the manifest lists it. */
  readonly request?: string;
  /** Whether it is one of this project's built templates, which must not be older than their sources. */
  readonly fromDist: boolean;
}

/** A template named by its id (`rokt/new-event`) or the path of its JSON file. */
export function findWebhook(project: Project, target: string): WebhookTarget {
  const manifest = readManifest(project).webhooks;
  if (target.endsWith(".json")) {
    const path = resolve(project.root, target);
    if (!existsSync(path)) throw new UsageError(`template file not found: ${target}`);
    const listed = manifest.find((entry) => resolve(project.distDir, entry.file) === path);
    return { webhook: readWebhook(path, target), request: listed?.request, fromDist: path.startsWith(project.distDir + sep) };
  }
  const entry = manifest.find((candidate) => candidate.id === target);
  if (!entry) {
    if (manifest.length === 0) throw new UsageError(`unknown webhook template "${target}" (none is built: run npm run build first)`);
    const ids = manifest.map((candidate) => candidate.id);
    throw new UsageError(`unknown webhook template "${target}"${didYouMean(target, ids) || ` (none of the ${ids.length} templates in dist/manifest.json is named like it)`}`);
  }
  return { webhook: readWebhook(resolve(project.distDir, entry.file), entry.file), request: entry.request, fromDist: true };
}


function readWebhook(path: string, name: string): ShippedWebhook {
  const json = parseJson(readFileSync(path, "utf8"), name);
  const fields = json as Partial<ShippedWebhook> | null;
  const complete = typeof fields === "object" && fields !== null && typeof fields.url === "string" && typeof fields.body === "string" && typeof fields.method === "string" && typeof fields.headers === "object";
  if (!complete) throw new InputError(`${name} is not a webhook template: it needs method, url, headers and body`);
  return json as ShippedWebhook;
}
