import type { IncomingMessage } from "node:http";
import { jsonSyntaxError } from "../contract/partners/json";
import { formatBytes } from "../sandbox/errors";

/**
 * Braze documents no size limit for a transformation's webhook; 1 MiB is far
 * above any partner's webhook (Regal's and Zendesk's are a few KB) and keeps
 * a run well inside the cost budget (a 1 MB payload costs about a third of it).
 */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A request refused before anything ran: the status, a kind for programs and the one-line reason. */
export class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    /** The body as far as it was read, for the log. */
    readonly body?: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The whole body as UTF-8 text; throws a Rejection when it is over `limit` bytes, cut short or not UTF-8. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers["content-length"]);
  if (declared > limit) throw tooLarge(limit, `Content-Length ${declared}`);
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) return void chunks.push(chunk);
      // Keep reading and discard the rest, so the client gets the answer rather than a reset connection.
      request.off("data", onData).resume();
      reject(tooLarge(limit, `${bytes} bytes read so far`));
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("close", () => {
      if (!request.complete) reject(new Rejection(400, "aborted", `the connection closed before the whole body arrived (${bytes} bytes)`, Buffer.concat(chunks).toString("utf8")));
    });
    request.once("error", () => undefined);
  });
  try {
    return utf8.decode(raw);
  } catch {
    throw new Rejection(400, "not-utf8", "the body is not UTF-8 text", raw.toString("latin1"));
  }
}

function tooLarge(limit: number, seen: string): Rejection {
  return new Rejection(413, "too-large", `the body is over the ${formatBytes(limit)} limit (${seen}); bdt serve --body-limit sets it`);
}

/** A webhook body as JSON; throws a 400 Rejection saying where it stops being JSON. */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === "") throw new Rejection(400, "empty-body", "the body is empty: a webhook body is a JSON value", text);
  try {
    return JSON.parse(text);
  } catch {
    const sentAs = contentType ? ` (sent as ${contentType})` : "";
    throw new Rejection(400, "not-json", `the body is not JSON${sentAs}: ${jsonSyntaxError(text) ?? "JSON.parse refused it"}`, text);
  }
}
