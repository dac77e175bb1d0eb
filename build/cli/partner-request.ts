import * as partners from "../../contract/partners";
import type { PartnerRequest } from "../../contract/partners/request";
import { InputError } from "./input-error";

/**
 * The partner request a built template is checked against, by the id its
 * manifest entry names: contract/partners/ declares each one (the template
 * module says which it calls, and the build wrote that down).
 */
export function declaredPartnerRequest(id: string, templateId: string): PartnerRequest {
  const found = (Object.values(partners) as unknown[]).filter(isPartnerRequest).find((request) => request.id === id);
  if (!found) throw new InputError(`dist/manifest.json: ${templateId} is checked against "${id}", which contract/partners/ does not declare: run npm run build`);
  return found;
}

function isPartnerRequest(value: unknown): value is PartnerRequest {
  return typeof value === "object" && value !== null && typeof (value as Partial<PartnerRequest>).checkUrl === "function" && typeof (value as Partial<PartnerRequest>).id === "string";
}
