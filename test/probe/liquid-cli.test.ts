import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectAt } from "../../build/project";
import { sourcePaths, staleDistProblem, stampDist } from "../../build/source-inputs";
import { defaultDialect, describeDialect, OBSERVED_DIALECT_FILE, readObservedDialect, withReading, type Dialect } from "../../liquid";
import { renderProbeBody } from "../../probe/liquid/local";
import { LIQUID_PROBE_PATH, liquidProbeTemplate } from "../../probe/liquid/template";
import { startServer, type RunningServer } from "../../serve/server";
import { bdt } from "../cli/bdt";
import { ROOT } from "../support/dist";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A project folder holding only the recorded dialect: all that `--save`, and a render after it, read. */
function recordedDialectCopy(): string {
  const root = temporaryFolder("bdt-liquid-probe-");
  mkdirSync(join(root, "contract/observed"), { recursive: true });
  cpSync(join(ROOT, OBSERVED_DIALECT_FILE), join(root, OBSERVED_DIALECT_FILE));
  return root;
}

const base = defaultDialect();
/** A dialect unlike the default on every two-reading axis, and with json_escape's third reading. */
const braze: Dialect = {
  jsonEscape: "rails",
  urlParamEscape: base.urlParamEscape === "plus" ? "percent" : "plus",
  base64: base.base64 === "strict" ? "wrapped" : "strict",
  floatPrinting: base.floatPrinting === "ruby" ? "javascript" : "ruby",
  arrayOutput: base.arrayOutput === "joined" ? "inspect" : "joined",
  arrayText: base.arrayText === "joined" ? "inspect" : "joined",
  hashText: base.hashText === "ruby" ? "json" : "ruby",
  unknownFilter: "passthrough",
};

let root: string;
const write = (name: string, content: string) => {
  writeFileSync(join(root, name), content);
  return name;
};

beforeAll(async () => {
  root = recordedDialectCopy();
  write("received.json", await renderProbeBody(braze));
});

describe("bdt probe --liquid", () => {
  it("prints the template to paste, sending to bdt serve's probe path, and says Braze cannot reach it", async () => {
    const written = await bdt(["probe", "--liquid", "--out", "probe.json"], { cwd: root });
    expect(written.code, written.err.join("\n")).toBe(0);
    const template = JSON.parse(readFileSync(join(root, "probe.json"), "utf8")) as ReturnType<typeof liquidProbeTemplate>;
    expect(template).toEqual(liquidProbeTemplate(template.url, false));
    expect(new URL(template.url).pathname).toBe(LIQUID_PROBE_PATH);
    expect(written.out).toEqual([`POST ${template.url}`, "Content-Type: application/json", "", template.body]);
    expect(written.err.join("\n")).toMatch(/Braze cannot reach 127\.0\.0\.1:\d+: run bdt serve, expose it/);
    expect(written.err.join("\n")).toContain('"bdt_probe_hash_output":{"a":"x","b":1}');
  });

  it("sends to the URL given, and leaves out the probes that can stop a send with --refused", async () => {
    const written = await bdt(["probe", "--liquid", "--url", "https://bin.example/abc", "--refused"], { cwd: root });
    expect(written.code).toBe(0);
    expect(written.out[0]).toBe("POST https://bin.example/abc");
    expect(written.out.join("\n")).not.toContain("bdt_probe_unknown_filter");
    expect(written.out.join("\n")).toContain('"refused": ["unknown_filter"]');
    expect(written.err.join("\n")).not.toContain("cannot reach");
  });

  it.each([{ args: ["--url", "not a url"] }, { args: ["--url", "ftp://x.example/"] }, { args: ["stray"] }])("refuses $args as usage (exit 2)", async ({ args }) => {
    const result = await bdt(["probe", "--liquid", ...args], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/^bdt: /);
  });
});

describe("bdt probe compare --liquid", () => {
  it("names Braze's dialect from the raw body and exits 0", async () => {
    const compared = await bdt(["probe", "compare", "--liquid", "received.json"], { cwd: root });
    expect(compared.code, compared.err.join("\n")).toBe(0);
    expect(compared.out[0]).toBe("received: received.json: the probe's body");
    expect(compared.out.at(-1)).toBe(`Braze's Liquid matches ${describeDialect(braze)} (8 of 8 axes differ from the layer's default, 0 not probed)`);
    expect(compared.out).toContain(`float.literal_integral (floatPrinting): Braze ${braze.floatPrinting === "ruby" ? '"15.0" = ruby' : '"15" = javascript'}, where the layer's default (${base.floatPrinting}) gives ${base.floatPrinting === "ruby" ? '"15.0"' : '"15"'}`);
  });

  it("reads the request as bdt serve recorded it at the probe's path", async () => {
    const server: RunningServer = await startServer({ project: projectAt(temporaryFolder("bdt-liquid-serve-")), port: 0 });
    try {
      const body = readFileSync(join(root, "received.json"), "utf8");
      const sent = await fetch(`${server.url}${LIQUID_PROBE_PATH}`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(sent.status).toBe(200);
      const recorded = await fetch(`${server.url}/api/requests/${sent.headers.get("x-bdt-request-id")}`);
      write("recorded.json", await recorded.text());
      expect((await fetch(`${server.url}${LIQUID_PROBE_PATH}`)).status).toBe(405);
    } finally {
      await server.close();
    }
    const compared = await bdt(["probe", "compare", "--liquid", "recorded.json", "--json"], { cwd: root });
    expect(compared.code, compared.err.join("\n")).toBe(0);
    const report = JSON.parse(compared.out[0]!) as { source: string; sentAt: string; dialect: Dialect; followed: boolean };
    expect(report.source).toMatch(/^recorded\.json: bdt serve's request \d+$/);
    expect(report.sentAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(report).toMatchObject({ dialect: braze, followed: true });
  });

  it("exits 1, loudly, when an answer matches no reading", async () => {
    const body = JSON.parse(readFileSync(join(root, "received.json"), "utf8")) as { probes: Record<string, { output: string }> };
    body.probes["math.decimal_sum"]!.output = Buffer.from("0.30000000000000004").toString("base64");
    write("impossible.json", JSON.stringify(body));
    const compared = await bdt(["probe", "compare", "--liquid", "impossible.json"], { cwd: root });
    expect(compared.code).toBe(1);
    expect(compared.out).toContain('math.decimal_sum: MATCHES NO READING: Braze "0.30000000000000004"; the layer gives "0.3" (its only reading): it cannot follow Braze here');
    expect(compared.err).toEqual([expect.stringMatching(/^error: Braze's Liquid does something no reading of the local layer does/)]);
  });

  it.each([
    ["not JSON", "{ oops", /^error: bad\.json: not valid JSON/],
    ["JSON that is neither", '{"hello": 1}', /^error: bad\.json is neither the Liquid probe's body .* nor a request bdt serve recorded/],
    ["bdt serve's list of requests", '{"requests": []}', /^error: bad\.json is bdt serve's list of requests, which has no bodies/],
    ["a request sent elsewhere", '{"id": 4, "path": "/inspect/regal/create-contact", "headers": {}, "body": "{}"}', /^error: bad\.json: bdt serve's request 4 was sent to \/inspect\/regal\/create-contact, not to the Liquid probe's/],
    ["a recorded body that is not JSON", `{"id": 5, "path": "${LIQUID_PROBE_PATH}", "headers": {}, "body": "{{ oops"}`, /^error: bad\.json: bdt serve's request 5: the body Braze sent is not JSON/],
    ["another version's body", '{"bdt_probe": "liquid", "fingerprint": "0", "refused": [], "probes": {}}', /^error: bad\.json: the probe's body: it was sent by another version of the probe/],
  ])("refuses %s in one line (exit 1)", async (_what, content, message) => {
    write("bad.json", content);
    const compared = await bdt(["probe", "compare", "--liquid", "bad.json"], { cwd: root });
    expect(compared.code).toBe(1);
    expect(compared.err).toEqual([expect.stringMatching(message)]);
  });

  it("refuses a missing or absent file as usage (exit 2)", async () => {
    expect((await bdt(["probe", "compare", "--liquid"], { cwd: root })).code).toBe(2);
    expect((await bdt(["probe", "compare", "--liquid", "nowhere.json"], { cwd: root })).code).toBe(2);
  });
});

describe("bdt probe compare --liquid --save", () => {
  let saved: string;
  beforeAll(async () => {
    saved = recordedDialectCopy();
    mkdirSync(join(saved, "dist"));
    writeFileSync(join(saved, "dist/manifest.json"), '{ "snippets": [], "webhooks": [] }\n');
    stampDist(projectAt(saved));
    writeFileSync(join(saved, "received.json"), await renderProbeBody(braze));
    writeFileSync(
      join(saved, "template.json"),
      JSON.stringify({ id: "t/dialect", partner: "t", method: "POST", url: "https://example.com/", headers: {}, body: "{{ 'a b' | url_param_escape }}|{{ 15.0 }}|{{ 'x' | no_such_filter }}" }),
    );
    writeFileSync(join(saved, "user.json"), "{}");
  });

  const rendered = async () => {
    const result = await bdt(["render", "template.json", "--user", "user.json"], { cwd: saved });
    return { code: result.code, body: result.out.at(-1), err: result.err };
  };

  it("records Braze's dialect, when and by which probes, and bdt render follows it; dist/ does not go stale", async () => {
    const before = await rendered();
    expect(before.code).toBe(1);
    expect(before.err[0]).toMatch(/filter "no_such_filter" is not one of Braze's filters/);

    const compared = await bdt(["probe", "compare", "--liquid", "received.json", "--save"], { cwd: saved });
    expect(compared.code, compared.err.join("\n")).toBe(0);
    const observed = readObservedDialect(saved);
    for (const [axis, reading] of Object.entries(braze)) {
      const entry = observed[axis as keyof Dialect];
      expect(entry.reading, axis).toBe(reading);
      expect(entry.probed, axis).toMatchObject({ on: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), probes: expect.arrayContaining([expect.any(String)]) });
    }
    expect(compared.err.at(-1)).toBe(`saved ${OBSERVED_DIALECT_FILE}: 8 of 8 axes probed (${Object.keys(braze).join(", ")}); renders now use ${describeDialect(braze)}`);

    const after = await rendered();
    expect(after.code, after.err.join("\n")).toBe(0);
    expect(after.body).toBe(`${braze.urlParamEscape === "plus" ? "a+b" : "a%20b"}|${braze.floatPrinting === "ruby" ? "15.0" : "15"}|x`);

    expect(sourcePaths(projectAt(saved))).not.toContain(OBSERVED_DIALECT_FILE);
    expect(staleDistProblem(projectAt(saved))).toBeUndefined();
  });

  it("keeps an axis it could not probe as the file had it, marked not probed", async () => {
    const body = JSON.parse(await renderProbeBody(withReading(braze, "hashText", base.hashText))) as { probes: Record<string, { input: string; output: string }> };
    for (const name of ["hash.output", "hash.as_text"]) body.probes[name] = { input: "", output: "" };
    const fresh = recordedDialectCopy();
    writeFileSync(join(fresh, "received.json"), JSON.stringify(body));
    const compared = await bdt(["probe", "compare", "--liquid", "received.json", "--save"], { cwd: fresh });
    expect(compared.code, compared.err.join("\n")).toBe(0);
    expect(compared.out).toContain(`  hashText: not probed (stays ${base.hashText})`);
    expect(readObservedDialect(fresh).hashText).toEqual(readObservedDialect(ROOT).hashText);
    expect(readObservedDialect(fresh).floatPrinting.reading).toBe(braze.floatPrinting);
  });
});
