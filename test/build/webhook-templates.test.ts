import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, test } from "vitest";
import { buildWebhooks } from "../../build/webhooks";
import { compileTemplate, preloadTemplate } from "../../build/webhooks/compile";
import { webhookDistFiles } from "../../build/webhooks/dist-files";
import type { Settings } from "../../transforms/lib/settings";
import { DIST, ROOT } from "../support/dist";
import { scratchProject } from "../support/scratch-project";

const scratch = scratchProject();
afterAll(() => scratch.remove());
for (const template of ["rokt/new-event.ts", "rokt/lib", "zendesk/create-ticket.ts", "regal/opt-in-sms.ts"]) {
  cpSync(join(ROOT, "webhooks", template), join(scratch.root, "webhooks", template), { recursive: true });
}
const settings = ((await import(pathToFileURL(join(ROOT, "transforms", "settings.ts")).href)) as { default: Settings }).default;
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

test("compiles each template to exactly what dist/ ships", async () => {
  const files = webhookDistFiles(await buildWebhooks(scratch.project, settings.webhooks, version));
  for (const file of ["webhooks/rokt/new-event.json", "webhooks/zendesk/create-ticket.json"]) {
    expect(files.get(file), file).toBe(readFileSync(join(DIST, file), "utf8"));
  }
});

test("refuses a template without its partner's settings, naming the settings key", async () => {
  await expect(buildWebhooks(scratch.project, { ...settings.webhooks, zendesk: undefined }, version)).rejects.toThrow(
    "zendesk/create-ticket: settings.webhooks.zendesk is missing in transforms/settings.ts: every partner with templates needs its settings",
  );
});

test("refuses settings a template cannot send, naming the template", async () => {
  const zendesk = { ...(settings.webhooks?.zendesk as object), subdomain: "Acme Support" };
  await expect(buildWebhooks(scratch.project, { ...settings.webhooks, zendesk }, version)).rejects.toThrow(
    'webhooks/zendesk/create-ticket.ts: webhooks.zendesk.subdomain "Acme Support" is not a Zendesk subdomain: write acme for https://acme.zendesk.com',
  );
});

// The Regal case is a field the schema names beside an index signature (any other trait is a contact property): it keeps its own type.
test.each([
  {
    template: "webhooks/rokt/new-event.ts",
    edit: ["      event,\n", '      event: { ...event, notifyBefore: "15" },\n'],
    error: `Types of property 'notifyBefore' are incompatible. Type 'string' is not assignable to type 'number | Value<number, "always">'.`,
  },
  {
    template: "webhooks/regal/lib/opt-in.ts",
    edit: ["              channel,\n", '              channel: "fax",\n'],
    error: `Types of property 'channel' are incompatible. Type '"fax"' is not assignable to type '"sms" | "voice" | "email" | Value<"sms" | "voice" | "email", "always">'.`,
  },
] as const)("refuses a template whose request the partner's schema rules out, at its line: $template", async ({ template, edit: [from, to], error }) => {
  await scratch.withEdit(template, (text) => text.replace(from, to), async () => {
    const failure = await buildWebhooks(scratch.project, settings.webhooks, version).then(() => undefined, (thrown: Error) => thrown.message);
    expect(failure).toMatch(new RegExp(`^webhook templates do not type-check \\(1\\)\n${template.replaceAll(".", "\\.")}:\\d+:\\d+ TS2345: `));
    expect(failure?.slice(failure.indexOf("TS2345: ") + "TS2345: ".length)).toBe(error);
  });
});

// The build starts importing its templates early (preloadTemplate): the failure must still come, once, when the template is compiled.
test("refuses a template that throws as it loads, naming its file", async () => {
  const throwing = { id: "rokt/throwing", partner: "rokt", name: "throwing", file: join(scratch.root, "webhooks/rokt/throwing.ts") };
  scratch.write("webhooks/rokt/throwing.ts", 'throw new Error("no calendar configured");\nexport default {};\n');
  preloadTemplate(throwing);
  await expect(compileTemplate(scratch.project, throwing, settings.webhooks?.rokt, version)).rejects.toThrow("webhooks/rokt/throwing.ts: importing it threw: no calendar configured");
});

test("refuses a module whose default export is not a template", async () => {
  const stray = { id: "rokt/stray", partner: "rokt", name: "stray", file: join(scratch.root, "webhooks/rokt/stray.ts") };
  scratch.write("webhooks/rokt/stray.ts", "export default { title: 'not a template' };\n");
  await expect(compileTemplate(scratch.project, stray, settings.webhooks?.rokt, version)).rejects.toThrow(
    "webhooks/rokt/stray.ts: its default export must be a template: export default webhook(<partner request>).define((settings) => ({ … }))",
  );
});
