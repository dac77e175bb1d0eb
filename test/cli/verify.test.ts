import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sha256 } from "../../build/header";
import { minifySnippet } from "../../build/minify";
import { projectAt } from "../../build/project";
import { stampDist } from "../../build/source-inputs";
import { readManifest, readSnippet, ROOT, type ManifestSnippet } from "../support/dist";
import { bdt } from "./bdt";

/*
 * bdt verify against the committed dist/: every snippet, as Braze's editor
 * may hand it back, is itself; an edit is named with its snippet and shown.
 */
const snippets = readManifest();
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The header and the code below it, split where build/header.ts joins them. */
function parts(text: string): { header: string; code: string } {
  const end = text.indexOf("\n\n");
  return { header: text.slice(0, end + 2), code: text.slice(end + 2) };
}

function expectPrefix(line: string | undefined, prefix: string): void {
  expect(line?.slice(0, prefix.length)).toBe(prefix);
}

async function verifyJson(argv: string[], stdin?: string): Promise<{ code: number; report: Record<string, any>; err: string[] }> {
  const result = await bdt(["verify", ...argv, "--json"], { stdin });
  expect(result.out).toHaveLength(1);
  return { code: result.code, report: JSON.parse(result.out[0]!), err: result.err };
}

/** The snippet with the first line of its code that `pattern` matches edited by `edit`, and where. */
function editCodeLine(snippet: ManifestSnippet, pattern: RegExp, edit: (line: string) => string): { text: string; lineNumber: number; before: string; after: string } {
  const text = readSnippet(snippet);
  const lines = text.split("\n");
  const codeStart = parts(text).header.split("\n").length - 1;
  const index = lines.findIndex((line, i) => i >= codeStart && pattern.test(line));
  const before = lines[index]!;
  const after = edit(before);
  lines[index] = after;
  return { text: lines.join("\n"), lineNumber: index + 1, before, after };
}

const LITERAL = /"([A-Za-z][^"]*)"/;
const editOneLiteral = (snippet: ManifestSnippet) => editCodeLine(snippet, LITERAL, (line) => line.replace(LITERAL, '"$1 (edited in Braze)"'));

describe.each(snippets.map((snippet) => [snippet.id, snippet] as const))("%s", (id, snippet) => {
  const text = readSnippet(snippet);
  const { code } = parts(text);

  test("its dist/ file is identical, with the sources and the header's sha256", async () => {
    const { code: exit, report } = await verifyJson([`dist/${snippet.file}`]);
    expect(exit).toBe(0);
    const stated = /code sha256 ([0-9a-f]{16})/.exec(text)![1];
    expect(report).toMatchObject({ verdict: "identical", header: "as built", snippet: { id, file: `dist/${snippet.file}`, version, codeSha256: stated } });
    expect(stated).toBe(sha256(code).slice(0, 16));
    expect(report.snippet.builtFrom.some((file: string) => file.startsWith(`transforms/${snippet.source}/`))).toBe(true);
  });

  test("copied with CRLF, a BOM, trailing spaces and blank lines at the end: identical", async () => {
    const copied = `\uFEFF${text.split("\n").map((line, i) => `${line}${i % 3 === 0 ? "  \t" : ""}`).join("\r\n")}\r\n\r\n\n`;
    const result = await bdt(["verify", "-"], { stdin: copied });
    expect(result).toMatchObject({ code: 0, out: [] });
    expect(result.err[0]).toBe(`identical: ${id} (dist/${snippet.file}), braze-transforms ${version}, code sha256 ${sha256(code).slice(0, 16)}`);
  });

  test("without its header: identical code, and says so", async () => {
    const result = await bdt(["verify", "-"], { stdin: code });
    expect(result.code).toBe(0);
    expectPrefix(result.err[0], `identical code, header removed: ${id} (dist/${snippet.file}), `);
  });
});

describe("an edited copy", () => {
  // One snippet of each source: the first the manifest lists.
  const picked = [...new Map(snippets.map((snippet) => [snippet.source, snippet])).values()];

  test.each(picked.map((snippet) => [snippet.id, snippet] as const))("of %s: drifted, naming it, the diff showing exactly the changed line", async (id, snippet) => {
    const edit = editOneLiteral(snippet);
    const result = await bdt(["verify", "-"], { stdin: edit.text });
    expect(result.code).toBe(1);
    expectPrefix(result.err[0], `drifted from ${id} (dist/${snippet.file}): 1 line changed in 1 place, `);
    expect(result.out.slice(0, 2)).toEqual([`--- dist/${snippet.file}`, "+++ standard input"]);
    const changed = result.out.slice(2).filter((line) => line.startsWith("-") || line.startsWith("+"));
    expect(changed).toEqual([`-${edit.before}`, `+${edit.after}`]);
    // Numbered as in the file: the hunk's first line plus the context before the change.
    const hunk = result.out.findIndex((line) => line.startsWith("@@"));
    const first = Number(/^@@ -(\d+),/.exec(result.out[hunk]!)![1]);
    expect(first + result.out.indexOf(`-${edit.before}`) - hunk - 1).toBe(edit.lineNumber);
  });

  test("--json: the snippet, the counts and the diff", async () => {
    const snippet = picked[0]!;
    const edit = editOneLiteral(snippet);
    const { code, report } = await verifyJson(["-"], edit.text);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: "drifted", header: "as built", snippet: { id: snippet.id }, changes: { places: 1, removed: 1, added: 1, unit: "line", whitespaceOnly: false, invisible: false } });
    expect(report.similarity).toBeGreaterThan(0.9);
    expect(report.similarity).toBeLessThan(1);
    expect(report.diff).toContain(`\n-${edit.before}\n+${edit.after}\n`);
    expect(report.pastedHeader).toEqual({ id: snippet.id, inDist: true, version, codeMatchesHeader: false });
  });

  test("a non-breaking space from a browser copy is a change, shown visibly", async () => {
    const snippet = picked[0]!;
    const spaced = /("[A-Za-z]+) ([A-Za-z]+")/;
    const edit = editCodeLine(snippet, spaced, (line) => line.replace(spaced, "$1\u00a0$2"));
    const result = await bdt(["verify", "-"], { stdin: edit.text });
    expect(result.code).toBe(1);
    expect(result.out.filter((line) => line.startsWith("+") && line.includes("<U+00A0>"))).toHaveLength(1);
    expect(result.err.some((line) => line.includes("invisible characters"))).toBe(true);
  });

  test("re-indented with tabs: still found, drifted, whitespace only", async () => {
    const snippet = picked[0]!;
    const retabbed = readSnippet(snippet).replace(/^( {4})+/gm, (indent) => "\t".repeat(indent.length / 4));
    const { code, report } = await verifyJson(["-"], retabbed);
    expect(code).toBe(1);
    expect(report).toMatchObject({ verdict: "drifted", snippet: { id: snippet.id }, changes: { whitespaceOnly: true } });
  });

  test("an older build whose header names a snippet dist/ no longer has: its nearest, and what the header says", async () => {
    const snippet = picked[0]!;
    const edit = editOneLiteral(snippet);
    const { header, code } = parts(edit.text);
    const older = `${header.replace(`// ${snippet.id}:`, "// regal/call.retired:").replace(/code sha256 [0-9a-f]+/, `code sha256 ${sha256(code).slice(0, 16)}`)}${code}`;
    const result = await bdt(["verify", "-"], { stdin: older });
    expect(result.code).toBe(1);
    expectPrefix(result.err[0], `drifted from ${snippet.id} (dist/${snippet.file}): 1 line changed in 1 place, `);
    expect(result.err).toContain(`  its header names regal/call.retired (braze-transforms ${version}), which dist/ no longer has; its code still matches that header's sha256: an unedited build other than the current dist/ (built before the last change?)`);
  });
});

describe("not a snippet, or nothing to verify", () => {
  test("unrelated code: not a dist/ snippet, naming the nearest", async () => {
    const result = await bdt(["verify", "-"], { stdin: readFileSync(join(ROOT, "build", "cli", "main.ts"), "utf8") });
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^not a dist\/ snippet: the nearest is \S+ \(dist\/\S+\.js\), \d+\.\d% of lines shared, below the 50\.0% of an edited copy$/);
    const { report } = await verifyJson(["-"], "return { events: [] };\n");
    expect(report).toMatchObject({ verdict: "not a dist snippet", nearest: { id: expect.any(String), similarity: expect.any(Number) } });
  });

  test("empty input, or only comments: one line, exit 2", async () => {
    expect(await bdt(["verify", "-"], { stdin: " \r\n\n" })).toEqual({ code: 2, out: [], err: ["error: standard input is empty: no code to verify (copy all of it from Braze's editor)"] });
    expect(await bdt(["verify", "-"], { stdin: "// regal/call.completed: Braze Data Transformation\n" })).toEqual({ code: 2, out: [], err: ["error: standard input holds only comments: no code to verify (copy all of it from Braze's editor)"] });
  });

  test("a missing file, no argument or two: usage", async () => {
    const missing = await bdt(["verify", "braze-copy.js"]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe("bdt: file not found: braze-copy.js");
    expect((await bdt(["verify"])).code).toBe(2);
    expect((await bdt(["verify", "a.js", "b.js"])).err[0]).toBe('bdt: unexpected argument "b.js"');
  });
});

describe("in a project of its own", () => {
  const root = mkdtempSync(join(tmpdir(), "bdt-verify-"));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const snippet = snippets[0]!;
  const { code } = parts(readSnippet(snippet));
  beforeAll(() => {
    cpSync(join(ROOT, "dist", snippet.file), join(root, "dist", snippet.file));
    write("dist/manifest.json", JSON.stringify({ snippets: [snippet], webhooks: [] }));
    write(`transforms/${snippet.id}.ts`, "export default {};\n");
    write("package.json", "{}\n");
    stampDist(projectAt(root));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const verify = (argv: string[], stdin?: string) => bdt(["verify", ...argv], { cwd: root, stdin });

  test("the sources are the source map's, relative to the map, when there is one", async () => {
    const mapDir = dirname(join(root, "dist", snippet.file));
    const sources = [`transforms/${snippet.id}.ts`, "transforms/lib/brand-new.ts"].map((file) => relative(mapDir, join(root, file)));
    write(`dist/${snippet.file}.map`, JSON.stringify({ version: 3, sources, names: [], mappings: "" }));
    const result = await verify(["--json", `dist/${snippet.file}`]);
    expect(JSON.parse(result.out[0]!).snippet).toMatchObject({ builtFrom: [`transforms/${snippet.id}.ts`, "transforms/lib/brand-new.ts"], sourcesFrom: `dist/${snippet.file}.map` });
    write(`dist/${snippet.file}.map`, "{ sources: [");
    const broken = await verify([`dist/${snippet.file}`]);
    expect(broken.code).toBe(1);
    expect(broken.err).toHaveLength(1);
    expectPrefix(broken.err[0], `error: dist/${snippet.file}.map: not valid JSON: `);
    rmSync(join(root, "dist", `${snippet.file}.map`));
  });

  test("the --min variant: identical, without its header line too, and drifted by statement", async () => {
    const minified = await minifySnippet(snippet.id, code);
    const file = `// ${snippet.id} (${snippet.destination}), braze-transforms ${version}, generated from transforms/${snippet.id}.ts\n${minified}`;
    write(`dist/${snippet.id}.min.js`, file);
    const whole = await verify(["-"], file);
    expect(whole.code).toBe(0);
    expectPrefix(whole.err[0], `identical: ${snippet.id} (dist/${snippet.id}.min.js), braze-transforms ${version}, code sha256 `);
    expectPrefix((await verify(["-"], minified)).err[0], `identical code, header removed: ${snippet.id} (dist/${snippet.id}.min.js)`);
    const literal = /"[A-Za-z][^"]*"/.exec(minified)![0];
    const edited = await verify(["-"], minified.replace(literal, '"edited"'));
    expect(edited.code).toBe(1);
    expectPrefix(edited.err[0], `drifted from ${snippet.id} (dist/${snippet.id}.min.js): 1 statement changed in 1 place, `);
    rmSync(join(root, "dist", `${snippet.id}.min.js`));
  });

  test("a snippet the manifest lists but dist/ lacks: one line", async () => {
    write("dist/manifest.json", JSON.stringify({ snippets: [snippet, { ...snippet, id: "acme/gone", file: "acme/gone.js" }], webhooks: [] }));
    expect(await verify([`dist/${snippet.file}`])).toEqual({ code: 1, out: [], err: ["error: dist/manifest.json lists dist/acme/gone.js, which is missing: run npm run build"] });
    write("dist/manifest.json", JSON.stringify({ snippets: [snippet], webhooks: [] }));
  });

  test("refuses a dist/ stale against its sources, as bdt run does", async () => {
    expect((await verify([`dist/${snippet.file}`])).code).toBe(0);
    write(`transforms/${snippet.id}.ts`, "export default { changed: true };\n");
    expect(await verify([`dist/${snippet.file}`])).toEqual({ code: 1, out: [], err: [`error: dist/ is stale against transforms/${snippet.id}.ts: run npm run build`] });
  });
});
