import { DEFAULT_BODY_LIMIT } from "../../serve/read-body";
import { DEFAULT_LOG_SIZE } from "../../serve/request-log";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../serve/address";
import { startServer } from "../../serve/server";
import { projectAt } from "../project";
import { staleDistProblem } from "../source-inputs";
import { parseCommandArgs, UsageError } from "./args";
import { chosenEngine } from "./engine-option";
import type { Io } from "./io";

/** Serves every built snippet at the URL a Braze transformation would have, with a Logs page, until Ctrl-C. */
export async function serveCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      watch: { type: "boolean" },
      "log-size": { type: "string" },
      "body-limit": { type: "string" },
      engine: { type: "string" },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = integer(values.port, "--port", DEFAULT_PORT, 0, 65535);
  const logSize = integer(values["log-size"], "--log-size", DEFAULT_LOG_SIZE, 1, 1_000_000);
  const bodyLimit = integer(values["body-limit"], "--body-limit", DEFAULT_BODY_LIMIT, 1, 64 * 1024 * 1024);

  const project = projectAt(io.cwd);
  const engine = chosenEngine(project, values.engine);
  const stale = staleDistProblem(project);
  if (stale && !values.watch) {
    io.err(stale);
    return 1;
  }
  if (stale) io.err(`${stale} (serving what dist/ holds, reloading as it changes)`);

  let server;
  try {
    server = await startServer({ project, port, host: values.host ?? DEFAULT_HOST, logSize, bodyLimit, engine, watch: values.watch, notify: io.err });
  } catch (error) {
    io.err(`bdt serve: ${(error as Error).message}`);
    return 1;
  }
  const { snippets, webhooks } = server.catalog();
  io.err(`bdt serve: ${snippets.size} snippets and ${webhooks.size} webhook templates at ${server.url}${values.watch ? ", reloading as dist/ changes" : ""}`);
  io.err(`  POST ${server.url}/<snippet id> runs that snippet (e.g. /regal/call.completed), POST ${server.url}/<source> its router`);
  io.err(`  POST ${server.url}/inspect/<template id> checks a webhook Braze sends (e.g. /inspect/regal/create-contact)`);
  io.err(`  Logs page: ${server.url}/ (Ctrl-C stops)`);
  await interrupted();
  await server.close();
  return 0;
}

function interrupted(): Promise<unknown> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

function integer(text: string | undefined, option: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${option} takes a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}
