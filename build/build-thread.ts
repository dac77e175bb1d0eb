import { Worker } from "node:worker_threads";

/** What the thread sends back: each message names the request it answers. */
export interface ThreadReply {
  readonly id: number;
}

/** A request's own handling of its replies. */
export interface ReplyHandler {
  /** One reply to the request; true when it was the last. */
  reply(message: ThreadReply): boolean;
  /** The thread stopped before the last reply. */
  fail(error: Error): void;
}

let thread: Worker | undefined;
const open = new Map<number, ReplyHandler>();
let requests = 0;
let holds = 0;

/**
 * The build's second thread, started if it is not yet: it loads its own
 * compiler while the caller does something else, runs the build's checks
 * (checks.ts) and then bundles beside the main thread (bundle-snippets.ts).
 * It lives as long as the process but keeps it alive only while someone
 * waits on it (`hold`), so a later build in the same process reuses what it
 * parsed.
 */
export function buildThread(): Worker {
  return (thread ??= startThread());
}

/** Sends the request `message(id)` makes; its replies go to `handler` until the last. */
export function sendRequest(message: (id: number) => object, handler: ReplyHandler): void {
  const id = requests++;
  open.set(id, handler);
  buildThread().postMessage(message(id));
}

/** Keeps the process alive until the returned function is called: for a caller awaiting replies. */
export function hold(): () => void {
  if (holds++ === 0) buildThread().ref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) thread?.unref();
  };
}

function startThread(): Worker {
  const worker = new Worker(new URL("./checks-thread.js", import.meta.url));
  if (holds === 0) worker.unref();
  worker.on("message", (message: ThreadReply) => {
    if (open.get(message.id)?.reply(message)) open.delete(message.id);
  });
  const stopped = (error: Error) => {
    thread = undefined;
    for (const handler of open.values()) handler.fail(error);
    open.clear();
  };
  worker.on("error", stopped);
  worker.on("exit", (code) => stopped(new Error(`the build's second thread stopped (exit code ${code})`)));
  return worker;
}
