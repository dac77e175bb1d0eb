import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bdt } from "./bdt";
import { scratchProject } from "../support/scratch-project";

/*
 * `bdt new` in a scratch copy, then the steps it prints: the scaffolded
 * modules build (one build for all of them) and the new snippet runs on its
 * first fixture. Then a source edited without building makes bdt run refuse
 * dist/.
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());
const inScratch = (argv: string[]) => bdt(argv, { cwd: scratch.root });
const read = (path: string) => readFileSync(join(scratch.root, path), "utf8");

const TRANSFERRED = {
  name: "call.transferred",
  userId: "u-1",
  originalTimestamp: "2024-05-02T19:41:45Z",
  properties: { call_id: "c-1", transfer: { to_queue: "sales", from: { agent: "a@example.com" } }, tags: ["vip"], "Call-ID": "sip-1", "agent.email": "a@example.com" },
};

let scaffolded: Awaited<ReturnType<typeof bdt>>;
let built: Awaited<ReturnType<typeof bdt>>;
beforeAll(async () => {
  scratch.write("transferred.json", JSON.stringify(TRANSFERRED));
  scratch.write("malformed.json", '{"name":');
  scaffolded = await inScratch(["new", "regal", "call.transferred", "--from", "transferred.json"]);
  await inScratch(["new", "zendesk/triggers", "ticket_escalated"]);
  built = await inScratch(["build"]);
});

describe("bdt new <source> <event> --from payload.json", () => {
  test("writes the module and the fixture, and prints the next steps", () => {
    expect(scaffolded.code).toBe(0);
    expect(scaffolded.out).toEqual([
      "wrote transforms/regal/call.transferred.ts",
      "wrote test/fixtures/regal/call.transferred/regal-shape.json",
      "next:",
      '  1. review the mapping in transforms/regal/call.transferred.ts (README, "Add a transform")',
      "  2. npm run build",
      "  3. npm test -- --update, which writes the fixture's golden: review it as carefully as code",
      "  4. if the payload is the partner's documented example, rename the fixture regal-documented.json; either way say where it comes from in test/fixtures/regal/PROVENANCE.md",
    ]);
    expect(scaffolded.err).toEqual(['warning: transferred.json: the table leaves out property "agent.email": a mapping path reads "." as nesting, so it cannot name a key holding one']);
  });

  test("the module is a custom event typed by the properties the envelope reader finds, with a table of them", () => {
    expect(read("transforms/regal/call.transferred.ts")).toBe(`import type { Mapping } from "../lib/mapping";

/** What a Regal call.transferred webhook carries, as the source's envelope reader finds it in test/fixtures/regal/call.transferred/regal-shape.json. */
interface Properties {
  readonly call_id?: unknown;
  readonly transfer?: {
    readonly to_queue?: unknown;
    readonly from?: {
      readonly agent?: unknown;
    };
  };
  readonly tags?: unknown;
  readonly "Call-ID"?: unknown;
}

/** Regal's call.transferred, written as a Braze custom event with the properties of its table. */
export default {
  shape: "customEvent",
  event: "call.transferred",
  properties: {
    call_id: "call_id",
    transfer: "transfer",
    tags: "tags",
    "Call-ID": "Call-ID",
  },
} satisfies Mapping<"call.transferred", Properties>;
`);
  });

  test("the fixture holds the payload and no golden yet", () => {
    expect(JSON.parse(read("test/fixtures/regal/call.transferred/regal-shape.json"))).toEqual({ description: "Regal call.transferred, from transferred.json", payload: TRANSFERRED });
  });

  test("it builds, and the new snippet runs on its fixture", async () => {
    expect(built.code).toBe(0);
    const run = await inScratch(["run", "regal/call.transferred", "test/fixtures/regal/call.transferred/regal-shape.json"]);
    expect(run.err).toEqual([expect.stringMatching(/^ok: valid POST \/users\/track request from regal\/call\.transferred/)]);
    expect(JSON.parse(run.out.join("\n")).events).toEqual([
      { external_id: "u-1", _update_existing_only: false, name: "Call Transferred", time: "2024-05-02T19:41:45.000Z", properties: { call_id: "c-1", transfer: TRANSFERRED.properties.transfer, tags: ["vip"], "Call-ID": "sip-1" } },
    ]);
  });
});

test("without --from: a module to fill in and a placeholder payload, for a nested source too", () => {
  expect(read("transforms/zendesk/triggers/ticket_escalated.ts")).toContain(`import type { Mapping } from "../../lib/mapping";

/** What a Zendesk ticket_escalated webhook carries: add each property the partner documents (\`readonly name?: unknown;\`), so the mapping can read only what is there. */
interface Properties {}
`);
  expect(JSON.parse(read("test/fixtures/zendesk/triggers/ticket_escalated/zendesk-shape.json")).payload).toEqual({ event: "ticket_escalated" });
  expect(built.out).toContainEqual(expect.stringMatching(/^wrote dist\/zendesk\/triggers\/ticket_escalated\.js \(\d+ bytes\)$/));
});

test.each([
  [["new", "regl", "call.transferred"], 'bdt: unknown source "regl": did you mean regal?'],
  [["new", "acme", "order.placed"], 'bdt: unknown source "acme" (the sources are regal, zendesk, zendesk/triggers; a new one is a folder with lib/envelope.ts: README, "Add a source")'],
  [["new", "regal", "../evil"], 'bdt: "../evil" cannot be an event module\'s name (transforms/<source>/../evil.ts): use letters, digits, "_" and "-", words separated by single dots'],
  [["new", "regal", "call..x"], expect.stringContaining("words separated by single dots")],
  [["new", "regal", "router"], expect.stringContaining(": the build names the routers it generates router")],
  [["new", "regal", "call.test"], expect.stringContaining(": the build skips .test.ts and .d.ts files")],
  [["new", "regal"], "bdt: bdt new needs a source and an event (e.g. bdt new regal call.transferred --from payload.json)"],
])("%j is a usage error, exit 2", async (argv, message) => {
  const result = await inScratch(argv);
  expect(result.code).toBe(2);
  expect(result.err[0]).toEqual(message);
});

test.each([
  [["new", "regal", "call.completed"], "error: transforms/regal/call.completed.ts already exists: edit it, or name another event"],
  [["new", "regal", "call.dropped", "--from", "transferred.json"], 'error: transferred.json: payload.name is "call.transferred", not "call.dropped": give a call.dropped webhook'],
  [["new", "regal", "call.dropped", "--from", "malformed.json"], "error: malformed.json: not valid JSON: unexpected end of input at line 1 column 9"],
])("%j is refused, exit 1, writing nothing", async (argv, message) => {
  expect(await inScratch(argv)).toEqual({ code: 1, out: [], err: [message] });
  expect(existsSync(join(scratch.root, "transforms/regal/call.dropped.ts"))).toBe(false);
  expect(existsSync(join(scratch.root, "test/fixtures/regal/call.dropped"))).toBe(false);
});

test("once a source is edited, bdt run refuses the stale dist/ and bdt build --check --json lists what is stale", async () => {
  const module = join(scratch.root, "transforms/regal/call.transferred.ts");
  writeFileSync(module, readFileSync(module, "utf8").replace('    tags: "tags",\n', ""));
  const run = await inScratch(["run", "regal/call.transferred", "test/fixtures/regal/call.transferred/regal-shape.json"]);
  expect(run).toEqual({ code: 1, out: [], err: ["error: dist/ is stale against transforms/regal/call.transferred.ts: run npm run build"] });
  const check = await inScratch(["build", "--check", "--json"]);
  expect(check.code).toBe(1);
  expect(JSON.parse(check.out.join("\n"))).toEqual({ upToDate: false, files: expect.any(Number), stale: ["stale: dist/regal/call.transferred.js", "stale: dist/regal/call.transferred.js.map", "stale: dist/regal/router.js", "stale: dist/regal/router.js.map", "stale: dist/manifest.json", "stale: dist/regal/README.md"] });
});
