import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { ROOT } from "../test/support/dist";
import { documentedFixture } from "./documented";
import { progress, type Measurement } from "./measurement";

const CONNECTIONS = 16;
const WARM_UP_MS = 1000;
const DURATION_MS = 5000;
const PATH = "/regal/call.completed";

interface ServeFigures {
  serve_rps: number;
  serve_p50_ms: number;
  serve_p99_ms: number;
  /** Answers that were not 200 with the snippet's output, and requests that got no answer. */
  serve_failures: number;
}

/**
 * `bdt serve` in a child process (one event loop: one core) under a closed
 * loop of keep-alive connections from this process, each posting Regal's
 * documented call.completed as soon as its last answer came back.
 */
export const serve: Measurement<ServeFigures> = {
  keys: ["serve_rps", "serve_p50_ms", "serve_p99_ms", "serve_failures"],
  doing: `bdt serve: ${CONNECTIONS} keep-alive connections POST ${PATH} for ${DURATION_MS / 1000} s, after ${WARM_UP_MS / 1000} s of warm-up…`,
  async measure() {
    const fixture = documentedFixture("regal", "call.completed");
    const body = JSON.stringify(fixture.data.payload);
    const headers = { ...fixture.data.headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
    const server = await startServe();
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    try {
      const post = () => postOnce(agent, `${server.url}${PATH}`, headers, body);
      const first = await post();
      if (first.status !== 200) throw new Error(`bdt serve answered POST ${PATH} with ${first.status}: ${first.text.replace(/\s+/g, " ").slice(0, 300)}`);
      await closedLoop(post, first.text, WARM_UP_MS);
      const { answers, elapsedMs } = await closedLoop(post, first.text, DURATION_MS);
      const failed = answers.filter((answer) => answer.failure !== undefined);
      if (failed.length > 0) {
        progress(`serve: ${failed.length} of ${answers.length} requests failed (${tally(failed.map((answer) => answer.failure!))})`);
        process.exitCode = 1;
      }
      const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
      return {
        serve_rps: Math.round(((answers.length - failed.length) / elapsedMs) * 1000),
        serve_p50_ms: round1(percentile(latencies, 50)),
        serve_p99_ms: round1(percentile(latencies, 99)),
        serve_failures: failed.length,
      };
    } finally {
      agent.destroy();
      await server.stop();
    }
  },
  table: (figures) => [
    `bdt serve                     ${figures.serve_rps} requests/s, p50 ${figures.serve_p50_ms} ms, p99 ${figures.serve_p99_ms} ms, ${figures.serve_failures} failed`,
  ],
};

interface Answer {
  /** Why it is not 200 with the first answer's output; undefined when it is. */
  readonly failure: string | undefined;
  readonly ms: number;
}

/** CONNECTIONS loops posting for `durationMs`; a request started before the end is waited for and counted. */
async function closedLoop(post: () => Promise<{ status: number; text: string }>, expected: string, durationMs: number): Promise<{ answers: Answer[]; elapsedMs: number }> {
  const answers: Answer[] = [];
  const started = performance.now();
  const end = started + durationMs;
  const connection = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      const failure = await post().then(
        ({ status, text }) => (status !== 200 ? `status ${status}` : text !== expected ? "200 with another output" : undefined),
        (error: Error) => `no answer (${error.message})`,
      );
      answers.push({ failure, ms: performance.now() - sent });
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  return { answers, elapsedMs: performance.now() - started };
}

function postOnce(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "POST", agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** `bdt serve --port 0` as users start it; its URL is read from the line it prints once listening. */
function startServe(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["build/bin/bdt.js", "serve", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    let stderr = "";
    const failed = (why: string) => {
      void stop();
      reject(new Error(`bdt serve ${why}${stderr.trim() ? `: ${stderr.trim().split("\n").pop()}` : ""}`));
    };
    const timer = setTimeout(() => failed("printed no URL within 60 s"), 60_000);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      failed(`exited with code ${code} before listening`);
    };
    child.once("exit", exited);
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const url = /^bdt serve: .* at (http:\/\/[^\s,]+)/m.exec(stderr)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.off("exit", exited);
      child.stderr!.removeAllListeners("data").resume();
      resolve({ url, stop });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Nearest rank of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function tally(failures: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  return [...counts].map(([failure, count]) => `${count}× ${failure}`).join(", ");
}
