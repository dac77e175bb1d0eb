import { formatBytes } from "./errors";
import type { SnippetError } from "./types";

export type GuestOutcome = { ok: true; output: unknown; outputBytes: number } | { ok: false; error: SnippetError };

/**
 * Turns the prelude serializer's `"<tag>\n<detail>"` answer into an outcome. The guest could only
 * bound the JSON by UTF-16 length; the byte limit Braze applies is checked here on UTF-8.
 */
export function readSerializerAnswer(answer: string, maxOutputBytes: number): GuestOutcome {
  const newline = answer.indexOf("\n");
  const tag = answer.slice(0, newline);
  const detail = answer.slice(newline + 1);
  const limit = `the limit is ${formatBytes(maxOutputBytes)}`;
  switch (tag) {
    case "ok": {
      const outputBytes = Buffer.byteLength(detail, "utf8");
      if (outputBytes > maxOutputBytes) {
        return { ok: false, error: { kind: "output-too-large", message: `output JSON is ${outputBytes} bytes; ${limit}` } };
      }
      return { ok: true, output: JSON.parse(detail), outputBytes };
    }
    case "output-too-large":
      return { ok: false, error: { kind: "output-too-large", message: `output JSON is at least ${detail} bytes; ${limit}` } };
    case "no-output":
    case "invalid-output":
      return { ok: false, error: { kind: tag, message: detail } };
    default:
      throw new Error(`sandbox: unexpected answer from the guest serializer: ${answer.slice(0, 80)}`);
  }
}
