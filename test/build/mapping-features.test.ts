import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildProject } from "../../build/build";
import { runSnippet } from "../../sandbox";
import { scratchProject } from "../support/scratch-project";
import { sharedBuild, type SharedBuild } from "../support/shared-build";

/*
 * The mapping features a source may use, on a scratch source "shop" (and a
 * nested one, "shop/hooks") built from a copy of the project: rules naming
 * Braze events, property tables with literals and the event's time, array
 * operations, attributes named by settings, catalog deletion, events off by
 * default, the partner's user id as an alias, a required header, refusals.
 */
const scratch = scratchProject();
afterAll(() => scratch.remove());

const ENVELOPE = `import type { NotWritten, Source, SourceDocs } from "../../lib/source";
import { asRecord } from "../../lib/values";

export default {
  name: "Shop",
  eventField: "kind",
  eventOf: (body) => body.kind,
  read(body) {
    const user = asRecord(body.user) || {};
    return {
      properties: asRecord(body.data) || {},
      identity: { email: [{ field: "user.email", value: user.email }], user_alias: [{ field: "user.id", value: user.id }] },
      times: [body.at],
      refusal: user.staff === true ? "staff are not customers" : undefined,
    };
  },
} satisfies Source;

export const notWritten: NotWritten = (event) => (event === "cart.viewed" ? "browsing is not tracked" : undefined);

export const docs: SourceDocs = { eventNamePrefix: "Shop" };
`;

const HOOK_ENVELOPE = `import type { Source, SourceDocs } from "../../../lib/source";
import { asRecord } from "../../../lib/values";

export default {
  name: "Shop hooks",
  eventField: "hook",
  eventOf: (body) => body.hook,
  read: (body) => ({ properties: asRecord(body.data) || {}, identity: { email: [{ field: "email", value: body.email }] }, times: [] }),
} satisfies Source;

export const docs: SourceDocs = { requestBody: (event) => ({ hook: event, email: "{{customer.email}}", data: { total: "{{order.total}}" } }) };
`;

const MODULES: Record<string, string> = {
  "order.shipped": `{ shape: "customEvent", event: "order.shipped",
    brazeEvents: [{ name: "Shop Order Shipped" }, { name: "Shop Express Shipped", when: { speed: "express", paid: true } }],
    properties: { order: "id", carrier: { value: "ups" }, shipped_at: EVENT_TIME },
    attributes: { last_shipped_at: EVENT_TIME } }`,
  "review.left": `{ shape: "customEvent", event: "review.left",
    brazeEvents: [{ name: "Shop Review Public", when: { public: true } }],
    properties: { stars: "stars" } }`,
  "stock.checked": `{ shape: "customEvent", event: "stock.checked", enabledByDefault: false }`,
  "tags.changed": `{ shape: "attributeUpdate", event: "tags.changed", arrays: { shop_tags: { add: "added", remove: "removed" } } }`,
  "field.changed": `{ shape: "attributeUpdate", event: "field.changed", namedAttribute: { names: "fields", idFrom: "field", valueFrom: "value" } }`,
  "store.closed": `{ shape: "catalogDelete", event: "store.closed", catalog: "stores", idFrom: "store" }`,
};

let built: SharedBuild;
const SETTINGS = "transforms/settings.ts";

beforeAll(async () => {
  scratch.write("transforms/shop/lib/envelope.ts", ENVELOPE);
  scratch.write("transforms/shop/hooks/lib/envelope.ts", HOOK_ENVELOPE);
  scratch.write("transforms/shop/hooks/order_paid.ts", 'export default { shape: "customEvent", event: "order_paid" } as const;\n');
  for (const [event, mapping] of Object.entries(MODULES)) {
    scratch.write(`transforms/shop/${event}.ts`, `import { EVENT_TIME } from "../lib/value-table";\n\nexport default ${mapping} as const;\nvoid EVENT_TIME;\n`);
  }
  const settings = join(scratch.root, SETTINGS);
  writeFileSync(settings, readFileSync(settings, "utf8").replace("  sources: {\n", `  sources: {\n    ${SHOP_SETTINGS}\n`));
  built = await sharedBuild(scratch.project);
});

const SHOP_SETTINGS = `shop: {
      identity: { identifierOrder: ["email", "user_alias"], phoneIdentity: { as: "phone" }, aliasLabel: "shop_user_id" },
      updateExistingOnly: true,
      requiredHeader: { name: "X-Shop-Key", value: "s3cret" },
      catalogs: { stores: "shop_stores" },
      attributeNames: { fields: { "17": "favourite_colour" } },
      events: { "review.left": { brazeEventNames: { "Shop Review Public": "Review Published" } } },
    },`;


const KEY = { "x-shop-key": "s3cret" };
const run = (id: string, payload: unknown, headers: Record<string, string> = KEY) => runSnippet(built.files.get(`${id}.js`)!, payload, { headers });
const message = (result: Awaited<ReturnType<typeof run>>) => (result.ok ? "no error" : `${result.error.name}: ${result.error.message}`);

test("rules write each Braze event whose condition holds, with the property table's paths, literals and the event's time", async () => {
  const payload = { kind: "order.shipped", at: "2025-01-10T17:27:48Z", user: { email: "a@example.com" }, data: { id: "o-1", speed: "express", paid: true } };
  const time = "2025-01-10T17:27:48.000Z";
  const properties = { order: "o-1", carrier: "ups", shipped_at: time };
  const both = await run("shop/order.shipped", payload);
  expect(both.ok && both.output).toEqual({
    attributes: [{ email: "a@example.com", _update_existing_only: true, last_shipped_at: time }],
    events: [
      { email: "a@example.com", _update_existing_only: true, name: "Shop Order Shipped", time, properties },
      { email: "a@example.com", _update_existing_only: true, name: "Shop Express Shipped", time, properties },
    ],
  });
  const unpaid = await run("shop/order.shipped", { ...payload, data: { ...payload.data, paid: "true" } });
  expect(unpaid.ok && (unpaid.output as { events: { name: string }[] }).events.map((event) => event.name)).toEqual(["Shop Order Shipped"]);
});

test("a webhook no rule applies to is refused, saying which conditions failed; the settings rename a rule's event", async () => {
  const hidden = await run("shop/review.left", { kind: "review.left", user: { email: "a@example.com" }, data: { public: false, stars: 4 } });
  expect(message(hidden)).toBe('NotWrittenError: Shop review.left: not written: none of its Braze events applies (Review Published when public is true)');
  const shown = await run("shop/review.left", { kind: "review.left", user: { email: "a@example.com" }, data: { public: true, stars: 4 } });
  expect(shown.ok && (shown.output as { events: { name: string; properties: unknown }[] }).events.map((e) => [e.name, e.properties])).toEqual([["Review Published", { stars: 4 }]]);
});

test("an event off by default is refused until the settings turn it on, and its snippet carries no mapping code", async () => {
  const off = await run("shop/stock.checked", { kind: "stock.checked", user: { email: "a@example.com" } });
  expect(message(off)).toBe("NotWrittenError: Shop stock.checked: not written: the event is off (set settings.sources.shop.events[\"stock.checked\"].enabled: true to write it)");
  expect(built.files.get("shop/stock.checked.js")).not.toMatch(/function (resolveIdentity|customEvent)\b/);
  expect(built.files.get("shop/README.md")).toContain("**off**: refused until the settings give `enabled: true`");
  const turnedOn = (text: string) => text.replace('events: { "review.left"', 'events: { "stock.checked": { enabled: true }, "review.left"');
  await scratch.withEdit(SETTINGS, turnedOn, async () => {
    const on = await sharedBuild(scratch.project);
    const result = await runSnippet(on.files.get("shop/stock.checked.js")!, { kind: "stock.checked", user: { email: "a@example.com" } }, { headers: KEY });
    expect(result.ok && (result.output as { events: { name: string }[] }).events[0]!.name).toBe("Shop Stock Checked");
  });
});

test("array operations add and remove text values, and are left out when empty", async () => {
  const tags = await run("shop/tags.changed", { kind: "tags.changed", user: { email: "a@example.com" }, data: { added: ["vip", " vip ", 7, null], removed: [] } });
  expect(tags.ok && tags.output).toEqual({ attributes: [{ email: "a@example.com", _update_existing_only: true, shop_tags: { add: ["vip", "7"] } }] });
});

test("a named attribute takes its name from the settings, clears on null, and refuses an unmapped field id", async () => {
  const set = await run("shop/field.changed", { kind: "field.changed", user: { email: "a@example.com" }, data: { field: 17, value: "teal" } });
  expect(set.ok && set.output).toEqual({ attributes: [{ email: "a@example.com", _update_existing_only: true, favourite_colour: "teal" }] });
  const cleared = await run("shop/field.changed", { kind: "field.changed", user: { email: "a@example.com" }, data: { field: "17", value: null } });
  expect(cleared.ok && cleared.output).toEqual({ attributes: [{ email: "a@example.com", _update_existing_only: true, favourite_colour: null }] });
  const unmapped = await run("shop/field.changed", { kind: "field.changed", user: { email: "a@example.com" }, data: { field: "99", value: "x" } });
  expect(message(unmapped)).toBe(`UnmappedValueError: Shop field.changed: properties.field is "99", expected one of 17 (the settings' attributeNames.fields)`);
});

test("catalog deletion is its own destination, its item id made as catalog writes make it", async () => {
  const closed = await run("shop/store.closed", { kind: "store.closed", data: { store: "Main St@Shop" } });
  expect(closed.ok && closed.output).toEqual({ catalog_name: "shop_stores", items: [{ id: "main_st_at_shop" }] });
  expect(built.snippets.find((snippet) => snippet.id === "shop/store.closed")!.meta.destination).toBe("DELETE /catalogs/{catalog_name}/items");
});

test("the partner's user id identifies by alias when nothing else does; the source refuses what it knows is no customer's", async () => {
  const alias = await run("shop/tags.changed", { kind: "tags.changed", user: { id: 42 }, data: { added: ["a"] } });
  expect(alias.ok && alias.output).toEqual({ attributes: [{ user_alias: { alias_name: "42", alias_label: "shop_user_id" }, _update_existing_only: true, shop_tags: { add: ["a"] } }] });
  const staff = await run("shop/tags.changed", { kind: "tags.changed", user: { id: 42, staff: true }, data: { added: ["a"] } });
  expect(message(staff)).toBe("NotWrittenError: Shop tags.changed: not written: staff are not customers");
});

test("the required header is checked case-insensitively before anything else", async () => {
  const payload = { kind: "tags.changed", user: { id: 42 }, data: { added: ["a"] } };
  expect((await run("shop/tags.changed", payload, { "X-SHOP-KEY": " s3cret " })).ok).toBe(true);
  expect(message(await run("shop/tags.changed", payload, {}))).toBe(
    "UnauthenticatedError: Shop webhook refused: header X-Shop-Key is missing: set it in the partner's webhook authentication, as the settings' requiredHeader says",
  );
  expect(message(await run("shop/router", { kind: "nope" }, { "x-shop-key": "guess" }))).toMatch(/^UnauthenticatedError: Shop webhook refused: header X-Shop-Key has another value/);
});

test("routers give the source's reason for a known event no module maps, and misroute the rest", async () => {
  expect(message(await run("shop/router", { kind: "cart.viewed" }))).toBe("NotWrittenError: Shop cart.viewed: not written: browsing is not tracked");
  expect(message(await run("shop/router", { kind: "cart.exploded" }))).toMatch(/^MisroutedEventError: expected a Shop one of field\.changed, order\.shipped/);
  expect(built.files.get("shop/order.shipped.js")).not.toContain("browsing is not tracked");
});

test("a source's subfolder is a source of its own, and its docs' request bodies ship beside its snippets", async () => {
  const hooks = built.snippets.filter((snippet) => snippet.meta.source === "shop/hooks").map((snippet) => snippet.id);
  expect(hooks).toEqual(["shop/hooks/order_paid"]);
  expect(JSON.parse(built.files.get("shop/hooks/bodies/order_paid.json")!)).toEqual({ hook: "order_paid", email: "{{customer.email}}", data: { total: "{{order.total}}" } });
  expect(built.files.get("shop/hooks/README.md")).toContain("- `order_paid`: `shop/hooks/bodies/order_paid.json`");
  const paid = await runSnippet(built.files.get("shop/hooks/order_paid.js")!, { hook: "order_paid", email: "b@example.com", data: { total: "12" } });
  expect(paid.ok && (paid.output as { events: { name: string }[] }).events[0]!.name).toBe("Order Paid");
});

test("mistakes in the new settings fail the build with what to change", async () => {
  const cases: [(text: string) => string, string][] = [
    [(text) => text.replace(', aliasLabel: "shop_user_id"', ""), "settings.sources.shop.identity: identifierOrder has user_alias, so it needs an aliasLabel"],
    [(text) => text.replace('brazeEventNames: { "Shop Review Public": "Review Published" }', 'brazeEventName: "Review"'), "shop/review.left: writes 1 Braze events, so brazeEventName is ambiguous"],
    [(text) => text.replace('"Shop Review Public": "Review Published"', '"Shop Review": "Review Published"'), "shop/review.left: brazeEventNames renames Shop Review, but its Braze events are Shop Review Public"],
  ];
  for (const [edit, expected] of cases) {
    await scratch.withEdit(SETTINGS, edit, () => expect(buildProject(scratch.project)).rejects.toThrow(expected));
  }
});
