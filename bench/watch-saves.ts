import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { watchProject } from "../build/watch";
import { ROOT } from "../test/support/dist";
import { scratchProject } from "../test/support/scratch-project";
import { median } from "./measure";

/** Saves measured (bench/rebuild.ts says how many), each alternating the mapping between two versions. */
const SAVES = Number(process.argv[2]);
if (!Number.isInteger(SAVES) || SAVES < 1) throw new Error(`bench/watch-saves.ts: give the number of saves to measure, got ${process.argv[2] ?? "none"}`);

/**
 * From saving a transform to its snippet and the router written and each run
 * on its fixtures, compared with their goldens, in a scratch copy of the
 * whole project; each save changes the mapping (a comment would
 * change nothing in dist/).
 */
async function rebuildOne(saves: number): Promise<number> {
  const scratch = scratchProject();
  cpSync(join(ROOT, "transforms/regal"), join(scratch.root, "transforms/regal"), { recursive: true });
  // Its fixtures too: the rebuild is done when each is compared with its golden.
  cpSync(join(ROOT, "test/fixtures/regal"), join(scratch.root, "test/fixtures/regal"), { recursive: true });
  const watcher = watchProject(scratch.project, { out: () => undefined, err: () => undefined });
  await watcher.next();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const file = join(scratch.root, "transforms/regal/call.placed.ts");
  const original = readFileSync(file, "utf8");
  const withAttribute = original.replace('event: "call.placed",', 'event: "call.placed",\n  attributes: { last_agent: "agent_email" },');
  const samples: number[] = [];
  for (let i = 0; i < saves; i++) {
    const started = performance.now();
    writeFileSync(file, i % 2 === 0 ? withAttribute : original);
    for (;;) {
      const rebuild = await watcher.next();
      if (rebuild.written.includes("regal/router.js")) break;
    }
    // Asked before the verdicts are awaited: the type check may finish first.
    const checked = watcher.nextCheck();
    await watcher.verdicts();
    samples.push(performance.now() - started);
    await checked;
  }
  await watcher.close();
  scratch.remove();
  return median(samples);
}

process.stdout.write(`${await rebuildOne(SAVES)}\n`);
