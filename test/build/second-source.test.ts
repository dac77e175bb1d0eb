import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { runSnippet } from "../../sandbox";
import { scratchProject } from "../support/scratch-project";
import { sharedBuild, type SharedBuild } from "../support/shared-build";

/*
 * A second source added the way the README says: its own folder (an
 * envelope reader and one module per event) and its part of the settings,
 * no other file touched. The core, the build and the routers take it as is.
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());

const ENVELOPE = `import type { Source } from "../../lib/source";
import { asRecord } from "../../lib/values";

/** Acme posts { type, customer: { id, email }, data, sent_at }. */
export default {
  name: "Acme",
  eventField: "type",
  eventOf: (body) => body.type,
  read(body) {
    const customer = asRecord(body.customer) || {};
    const data = asRecord(body.data) || {};
    return {
      properties: data,
      identity: {
        external_id: [{ field: "customer.id", value: customer.id }],
        email: [{ field: "customer.email", value: customer.email }],
        phone: [],
      },
      times: [body.sent_at],
    };
  },
} satisfies Source;
`;

const ORDER_PLACED = `import type { Mapping } from "../lib/mapping";

export default {
  shape: "customEvent",
  event: "order.placed",
  attributes: { last_order_total: "total" },
} satisfies Mapping<"order.placed", { total?: unknown; items?: unknown }>;
`;

const PLAN_CHANGED = `import type { Mapping } from "../lib/mapping";

export default {
  shape: "attributeUpdate",
  event: "plan.changed",
  attributes: { plan: "plan.name" },
} satisfies Mapping<"plan.changed", { plan?: { name?: unknown } }>;
`;

let built: SharedBuild;
beforeAll(async () => {
  scratch.write("transforms/acme/lib/envelope.ts", ENVELOPE);
  scratch.write("transforms/acme/order.placed.ts", ORDER_PLACED);
  scratch.write("transforms/acme/plan.changed.ts", PLAN_CHANGED);
  const settings = join(scratch.root, "transforms/settings.ts");
  const acme = 'acme: { events: { "order.placed": { brazeEventName: "Acme Order" } } },';
  writeFileSync(settings, readFileSync(settings, "utf8").replace("  sources: {\n", `  sources: {\n    ${acme}\n`));
  built = await sharedBuild(scratch.project);
});

const run = (id: string, payload: unknown) => runSnippet(built.files.get(`${id}.js`)!, payload);

test("its events get snippets, a router and a mapping table of their own", () => {
  const acme = built.snippets.filter((snippet) => snippet.meta.source === "acme");
  expect(acme.map((snippet) => [snippet.id, snippet.meta.events])).toEqual([
    ["acme/order.placed", ["order.placed"]],
    ["acme/plan.changed", ["plan.changed"]],
    ["acme/router", ["order.placed", "plan.changed"]],
  ]);
  expect(built.files.get("acme/README.md")).toContain('| `order.placed` | `acme/order.placed.js` | POST /users/track | custom event "Acme Order"<br>attributes: last_order_total ← total |');
});

test("both snippets run in the sandbox, reading the source's own envelope", async () => {
  const placed = await run("acme/order.placed", { type: "order.placed", customer: { id: "c-1" }, data: { total: 42, items: 3 }, sent_at: "2024-05-02T19:41:45Z" });
  expect(placed.ok && placed.output).toEqual({
    attributes: [{ external_id: "c-1", _update_existing_only: false, last_order_total: 42 }],
    events: [{ external_id: "c-1", _update_existing_only: false, name: "Acme Order", time: "2024-05-02T19:41:45.000Z", properties: { total: 42, items: 3 } }],
  });
  const changed = await run("acme/plan.changed", { type: "plan.changed", customer: { email: "a@example.com" }, data: { plan: { name: "pro" } } });
  expect(changed.ok && changed.output).toEqual({ attributes: [{ email: "a@example.com", _update_existing_only: false, plan: "pro" }] });
});

test("its deliberate errors name the source, its event field and the event", async () => {
  const misrouted = await run("acme/order.placed", { type: "plan.changed", customer: { id: "c-1" } });
  expect(misrouted.ok || misrouted.error.message).toBe(
    'expected an Acme order.placed payload but payload.type is "plan.changed": filter this Acme webhook to the events this transformation handles',
  );
  const anonymous = await run("acme/router", { type: "plan.changed", customer: {} });
  expect(anonymous.ok || anonymous.error.message).toBe("Acme plan.changed: no user identifier in the payload (looked for customer.id, customer.email)");
});

test("the Regal snippets are untouched by it", async () => {
  const regalOnly = scratchProject();
  try {
    const baseline = (await sharedBuild(regalOnly.project)).files;
    for (const [file, content] of baseline) if (file.startsWith("regal/")) expect(built.files.get(file), file).toBe(content);
  } finally {
    regalOnly.remove();
  }
});

test("settings naming an event the source has no module for fail the build, naming the file that is missing", async () => {
  await scratch.withEdit(
    "transforms/settings.ts",
    (text) => text.replace('"order.placed": { brazeEventName', '"order.place": { brazeEventName'),
    () =>
      expect(buildProject(scratch.project)).rejects.toThrow(
        'settings name what does not exist\nsettings.sources.acme.events["order.place"]: there is no transforms/acme/order.place.ts',
      ),
  );
});

test("a source folder without an envelope reader fails the build, naming the file to add", async () => {
  scratch.write("transforms/beta/signup.ts", 'export default { shape: "customEvent", event: "signup" };\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow('transforms/beta/ has no lib/envelope.ts: every source needs its envelope reader (see README, "Add a source")');
  } finally {
    rmSync(join(scratch.root, "transforms/beta"), { recursive: true, force: true });
  }
});

test("an event module whose default export is no mapping fails the build, naming the shapes", async () => {
  scratch.write("transforms/acme/order.refunded.ts", 'export default { event: "order.refunded" };\n');
  try {
    await expect(buildProject(scratch.project)).rejects.toThrow(
      "acme/order.refunded: the default export must be a mapping with a shape (one of customEvent, attributeUpdate, subscriptionChange, catalogItem, catalogDelete)",
    );
  } finally {
    rmSync(join(scratch.root, "transforms/acme/order.refunded.ts"));
  }
});
