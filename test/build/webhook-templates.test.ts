import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, test } from "vitest";
import { buildWebhooks } from "../../build/webhooks";
import { compileTemplate } from "../../build/webhooks/compile";
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

test("refuses a template whose request the partner's schema rules out, at its line", async () => {
  const file = join(scratch.root, "webhooks/rokt/new-event.ts");
  const original = readFileSync(file, "utf8");
  scratch.write("webhooks/rokt/new-event.ts", original.replace("      event,\n", '      event: { ...event, notifyBefore: "15" },\n'));
  try {
    await expect(buildWebhooks(scratch.project, settings.webhooks, version)).rejects.toThrow(
      /^webhook templates do not type-check \(1\)\nwebhooks\/rokt\/new-event\.ts:\d+:\d+ TS2345: Types of property 'notifyBefore' are incompatible\. Type 'string' is not assignable to type 'number \| Value<number, "always">'\.$/,
    );
  } finally {
    scratch.write("webhooks/rokt/new-event.ts", original);
  }
});

test("refuses a template that puts in a field the schema names what the field cannot take, beside an index signature", async () => {
  // Regal's traits take any other trait as a contact property: the ones the schema names (optIn here) keep their own types.
  const file = join(scratch.root, "webhooks/regal/lib/opt-in.ts");
  const original = readFileSync(file, "utf8");
  scratch.write("webhooks/regal/lib/opt-in.ts", original.replace("              channel,\n", '              channel: "fax",\n'));
  try {
    await expect(buildWebhooks(scratch.project, settings.webhooks, version)).rejects.toThrow(
      /^webhook templates do not type-check \(1\)\nwebhooks\/regal\/lib\/opt-in\.ts:\d+:\d+ TS2345: Types of property 'channel' are incompatible\. Type '"fax"' is not assignable to type '"sms" \| "voice" \| "email" \| Value<"sms" \| "voice" \| "email", "always">'\.$/,
    );
  } finally {
    scratch.write("webhooks/regal/lib/opt-in.ts", original);
  }
});

test("refuses a module whose default export is not a template", async () => {
  const stray = { id: "rokt/stray", partner: "rokt", name: "stray", file: join(scratch.root, "webhooks/rokt/stray.ts") };
  scratch.write("webhooks/rokt/stray.ts", "export default { title: 'not a template' };\n");
  await expect(compileTemplate(scratch.project, stray, settings.webhooks?.rokt, version)).rejects.toThrow(
    "webhooks/rokt/stray.ts: its default export must be a template: export default webhook(<partner request>).define((settings) => ({ … }))",
  );
});
