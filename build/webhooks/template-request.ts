import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PartnerRequest } from "../../contract/partners/request";
import type { WebhookTemplate } from "../../webhooks/lib/template";
import type { Project } from "../project";

/** The partner request a template declares: its module (TypeScript, which bdt and the tests run under a loader) is the one place that says. */
export async function templateRequest(project: Project, templateId: string): Promise<PartnerRequest> {
  const module = (await import(pathToFileURL(join(project.webhooksDir, `${templateId}.ts`)).href)) as { default: WebhookTemplate };
  return module.default.request;
}
