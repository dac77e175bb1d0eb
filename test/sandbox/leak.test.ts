import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { openSnippetRunner, runSnippet } from "../../sandbox";
import { sandboxModuleFor } from "../../sandbox/run-snippet";
import { runnerSandboxModule } from "../../sandbox/runner";

/** `npm run soak` measures the full 10,000 runs (and 5,000 of one runner); the suite a quarter of them, with the same bounds. */
const SOAK = process.env.LEAK_SOAK === "1";
const WARM_UP_RUNS = 500;
const MEASURED_RUNS = SOAK ? 9_500 : 2_000;
const MiB = 1024 * 1024;

const code = [
  "console.log('event', payload.type);",
  "const events = payload.calls.map((call) => ({ external_id: call.id, name: payload.type, time: new Date(), properties: { ...call } }));",
  "if (payload.calls.length > 2) throw new Error('too many');",
  "return { events };",
].join("\n");
const payloads = [
  { type: "call.completed", calls: [{ id: "a", seconds: 12 }] },
  { type: "call.completed", calls: [{ id: "a" }, { id: "b" }, { id: "c" }] },
];

// vitest does not start Node with --expose-gc; turning the flag on now still yields a usable gc()
// in a fresh context, so heap growth can be measured without garbage noise.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

it(`leaks neither wasm nor JS heap over ${WARM_UP_RUNS + MEASURED_RUNS} fresh-runtime runs`, async () => {
  for (let i = 0; i < WARM_UP_RUNS; i++) await runSnippet(code, payloads[i % 2]);
  const sandboxModule = await sandboxModuleFor();
  const wasmBytesAfterWarmUp = sandboxModule.memory.buffer.byteLength;
  collectGarbage();
  const heapAfterWarmUp = process.memoryUsage().heapUsed;

  for (let i = 0; i < MEASURED_RUNS; i++) {
    const result = await runSnippet(code, payloads[i % 2]);
    if (result.ok !== (i % 2 === 0)) throw new Error(`run ${i}: unexpected ${JSON.stringify(result)}`);
  }

  expect(await sandboxModuleFor()).toBe(sandboxModule);
  expect(sandboxModule.memory.buffer.byteLength).toBe(wasmBytesAfterWarmUp);
  collectGarbage();
  expect(process.memoryUsage().heapUsed - heapAfterWarmUp).toBeLessThan(2 * MiB);
}, 120_000);

const RUNNER_WARM_UP_RUNS = 500;
const RUNNER_MEASURED_RUNS = SOAK ? 5_000 : 1_250;

it(`leaks neither wasm, guest nor JS heap over ${RUNNER_MEASURED_RUNS} runs of one runner`, async () => {
  const runner = await openSnippetRunner(code);
  try {
    for (let i = 0; i < RUNNER_WARM_UP_RUNS; i++) await runner.run(payloads[i % 2]);
    const sandboxModule = runnerSandboxModule(runner);
    const wasmBytesAfterWarmUp = sandboxModule?.memory.buffer.byteLength;
    const guestBytesAfterWarmUp = (await runner.run(payloads[0])).stats.memoryUsedBytes;
    collectGarbage();
    const heapAfterWarmUp = process.memoryUsage().heapUsed;

    let guestBytes = 0;
    for (let i = 0; i < RUNNER_MEASURED_RUNS; i++) {
      const result = await runner.run(payloads[i % 2]);
      if (result.ok !== (i % 2 === 0)) throw new Error(`run ${i}: unexpected ${JSON.stringify(result)}`);
      guestBytes = result.stats.memoryUsedBytes;
    }

    expect(runnerSandboxModule(runner)).toBe(sandboxModule);
    expect(sandboxModule?.memory.buffer.byteLength).toBe(wasmBytesAfterWarmUp);
    // The last run threw, the warm-up's measure returned: allow for one run's leftovers.
    expect(Math.abs(guestBytes - guestBytesAfterWarmUp)).toBeLessThan(16 * 1024);
    collectGarbage();
    expect(process.memoryUsage().heapUsed - heapAfterWarmUp).toBeLessThan(2 * MiB);
  } finally {
    runner.dispose();
  }
}, 60_000);
