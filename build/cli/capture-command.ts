import { DEFAULT_HOST, DEFAULT_PORT } from "../../serve/address";
import { parseCommandArgs, UsageError } from "./args";
import type { Io } from "./io";

/**
 * `bdt capture save <id>`: asks the running `bdt serve` to keep one of its
 * logged requests as a scrubbed fixture, the same as the Logs page's button
 * (the server holds the request and the snippets it ran).
 */
export async function captureCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: { name: { type: "string" }, port: { type: "string" }, host: { type: "string" } },
    allowPositionals: true,
  });
  const [action, id, ...extra] = positionals;
  if (action !== "save") throw new UsageError(action === undefined ? "bdt capture needs save <request id>" : `unknown capture action "${action}" (bdt capture save <request id>)`);
  if (id === undefined || !/^\d+$/.test(id)) throw new UsageError("bdt capture save needs the request's id, the # column of the Logs page");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const port = values.port ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(port)) throw new UsageError(`--port takes a port number, got "${port}"`);

  const server = `http://${values.host ?? DEFAULT_HOST}:${port}`;
  let response: Response;
  try {
    response = await fetch(`${server}/api/requests/${id}/capture`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values.name === undefined ? {} : { name: values.name }),
    });
  } catch (error) {
    io.err(`error: no bdt serve answers at ${server} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}): start it, or give its --port`);
    return 1;
  }
  const body = (await response.json().catch(() => ({}))) as { path?: string; warning?: string; error?: { message?: string } };
  if (!response.ok || body.path === undefined) {
    io.err(`error: request ${id}: ${body.error?.message ?? `${response.status} ${response.statusText}`}`);
    return 1;
  }
  io.out(body.path);
  if (body.warning) io.err(`warning: ${body.warning}`);
  io.err("ok: personal data scrubbed; review the file before committing it");
  return 0;
}
