import type { z } from "zod";
import { describeValue } from "../describe";
import { problemMessage } from "../messages";
import { formatPath } from "../path";
import { problemsIn } from "../validate";
import { jsonSyntaxError } from "./json";

/** One partner endpoint as a whole HTTP request: what a rendered Braze webhook must be to be accepted. */
export interface PartnerRequest<Body extends z.ZodType = z.ZodType> {
  /** "regal/events", "zendesk/create-ticket", "rokt/create-event", "rokt/update-event". */
  readonly id: string;
  readonly title: string;
  /** The partner's documentation of the endpoint. */
  readonly docs: string;
  readonly method: "POST" | "PUT" | "GET" | "DELETE";
  /** Problems with a rendered URL, each the "what is wrong" half of a line; empty when fine. */
  readonly checkUrl: (url: string) => string[];
  /** Required headers by name (matched case-insensitively), each with the check of its value. */
  readonly headers: Readonly<Record<string, (value: string) => string | undefined>>;
  /** The parsed JSON body. */
  readonly body: Body;
}

/** Declares a partner request, keeping its body schema's type for PartnerBody. */
export function partnerRequest<B extends z.ZodType>(request: PartnerRequest<B>): PartnerRequest<B> {
  return request;
}

/** The body type a template for this request must produce. */
export type PartnerBody<R extends PartnerRequest> = z.input<R["body"]>;

export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function headerProblems(required: PartnerRequest["headers"], sent: SentRequest["headers"]): string[] {
  return Object.entries(required).flatMap(([name, check]) => {
    const path = formatPath(["headers", name]);
    const sentAs = Object.keys(sent).filter((key) => key.toLowerCase() === name.toLowerCase());
    const [only] = sentAs;
    if (only === undefined) return [`${path}: missing`];
    if (sentAs.length > 1) return [`${path}: sent ${sentAs.length} times (${sentAs.map(describeValue).join(", ")})`];
    const problem = check(sent[only] ?? "");
    return problem === undefined ? [] : [`${path}: ${problem}`];
  });
}

function bodyProblems(schema: z.ZodType, text: string): string[] {
  const syntax = jsonSyntaxError(text);
  if (syntax !== undefined) return [`body: not JSON: ${syntax}`];
  const result = schema.safeParse(JSON.parse(text), { error: problemMessage });
  if (result.success) return [];
  return problemsIn(result.error.issues, ["body"]).map(({ path, message }) => `${formatPath(path)}: ${message}`);
}

/**
 * Checks a rendered request against what the partner accepts. Every problem is
 * one line, `<part>: <what is wrong>`, in request order: method, url, headers
 * (in the order the request declares them), body. Empty = accepted.
 */
export function checkPartnerRequest(request: PartnerRequest, sent: SentRequest): string[] {
  return [
    ...(sent.method === request.method ? [] : [`method: expected ${request.method}, got ${describeValue(sent.method)}`]),
    ...request.checkUrl(sent.url).map((problem) => `url: ${problem}`),
    ...headerProblems(request.headers, sent.headers),
    ...bodyProblems(request.body, sent.body),
  ];
}
