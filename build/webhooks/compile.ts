import { pathToFileURL } from "node:url";
import type { PartnerRequest } from "../../contract/partners/request";
import type { HeaderValue } from "../../webhooks/lib/headers";
import type { WebhookDefinition, WebhookTemplate } from "../../webhooks/lib/template";
import type { ValueNode } from "../../webhooks/lib/value";
import { BuildError } from "../problems";
import { displayPath, type Project } from "../project";
import { typeScriptImports } from "../typescript-imports";
import type { TemplateModule } from "./discover";
import { bodyField, headerField, urlField } from "./fields";
import { isValue } from "./json-body";

/** A template compiled to the text of each composer field, and what it needs from the workspace. */
export interface CompiledWebhook {
  readonly id: string;
  readonly partner: string;
  readonly sourceFile: string;
  readonly summary: string;
  readonly request: PartnerRequest;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly needs: TemplateNeeds;
}

export interface ReadValue {
  readonly node: ValueNode;
  readonly handling: "required" | "optional" | { readonly fallback: string | number | boolean };
}

export interface TemplateNeeds {
  /** The values it reads, each with how a missing one is handled. */
  readonly values: readonly ReadValue[];
  readonly secrets: readonly HeaderValue[];
}

/** Loads a template module (TypeScript) and compiles it with the partner's settings. */
export async function compileTemplate(project: Project, module: TemplateModule, partnerSettings: unknown, packageVersion: string): Promise<CompiledWebhook> {
  const sourceFile = displayPath(project, module.file);
  const template = await loadTemplate(module, sourceFile);
  if (!template.request.id.startsWith(`${module.partner}/`)) {
    throw new BuildError(`${sourceFile}: it calls ${template.request.id}, which is not a ${module.partner} request: move it to webhooks/${template.request.id.split("/")[0]}/`);
  }
  return compileDefinition({ id: module.id, partner: module.partner, sourceFile, request: template.request, packageVersion }, defineWith(template, partnerSettings, sourceFile));
}

export interface TemplateFacts {
  readonly id: string;
  readonly partner: string;
  readonly sourceFile: string;
  readonly request: PartnerRequest;
  readonly packageVersion: string;
}

/** A template's definition as the Liquid of each composer field. */
export function compileDefinition(facts: TemplateFacts, definition: WebhookDefinition<unknown>): CompiledWebhook {
  const { id, request, sourceFile, packageVersion } = facts;
  const header = ` ${id}: Braze webhook body for ${request.title}. Built by braze-transforms ${packageVersion} from ${sourceFile}: edit that, not this. `;
  return {
    id,
    partner: facts.partner,
    sourceFile,
    summary: definition.summary,
    request,
    method: request.method,
    url: urlField(id, definition.url),
    headers: Object.fromEntries(Object.entries(definition.headers).map(([name, value]) => [name, headerField(id, name, value)])),
    body: bodyField(id, header, definition.body, definition.requirements ?? []),
    needs: needsOf(definition),
  };
}

/** Starts importing a template, for compileTemplate to find it loaded: a failed import fails again, the same way, there. */
export function preloadTemplate(module: TemplateModule): void {
  importTemplate(module).catch(() => undefined);
}

async function importTemplate(module: TemplateModule): Promise<{ default?: unknown }> {
  await typeScriptImports();
  return (await import(pathToFileURL(module.file).href)) as { default?: unknown };
}

async function loadTemplate(module: TemplateModule, sourceFile: string): Promise<WebhookTemplate> {
  let exported: unknown;
  try {
    exported = (await importTemplate(module)).default;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new BuildError(`${sourceFile}: importing it threw: ${message}`);
  }
  const looksRight = typeof exported === "object" && exported !== null && "request" in exported && "define" in exported;
  if (!looksRight) throw new BuildError(`${sourceFile}: its default export must be a template: export default webhook(<partner request>).define((settings) => ({ … }))`);
  return exported as WebhookTemplate;
}

/** A template may refuse its settings by throwing: that is a build error naming the template. */
function defineWith(template: WebhookTemplate, settings: unknown, sourceFile: string): WebhookDefinition<unknown> {
  try {
    return template.define(settings);
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(`${sourceFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function needsOf(definition: WebhookDefinition<unknown>): TemplateNeeds {
  const values: ReadValue[] = [];
  const collect = (node: ValueNode, handling: ReadValue["handling"]): void => {
    if (node.kind === "read") values.push({ node, handling });
    else if (node.kind === "concat") node.parts.forEach((part) => typeof part !== "string" && collect(part, handling));
    else if (node.kind === "joined") node.parts.forEach((part) => collect(part, "optional"));
    else if (node.kind === "fallback") collect(node.value, { fallback: node.fallback });
    else if (node.kind === "required") collect(node.value, "required");
  };
  const visit = (value: unknown): void => {
    if (isValue(value)) collect(value.node, value.presence === "always" ? "required" : "optional");
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  definition.url.parts.forEach((part) => typeof part !== "string" && collect(part, "required"));
  visit(definition.body);
  for (const requirement of definition.requirements ?? []) ("anyOf" in requirement ? requirement.anyOf : requirement.notBefore).forEach((value) => collect(value.node, "optional"));
  const secrets = Object.values(definition.headers).filter((value): value is HeaderValue => typeof value !== "string");
  return { values, secrets };
}
