import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCoverage } from "../../build/coverage/coverage";
import { REPORT_FILES } from "../../build/coverage/report";
import type { Io } from "../../build/cli/io";
import { projectAt } from "../../build/project";
import { DIST, readManifest, ROOT } from "../support/dist";
import { discoverFixtures } from "../support/fixtures";

const reports = mkdtempSync(join(tmpdir(), "bdt-coverage-"));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

test("the project's run reports lcov for exactly the transforms/ files the snippets' source maps name", async () => {
  const out: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => out.push(`err: ${line}`), cwd: ROOT, stdin: async () => "" };
  await runCoverage(projectAt(ROOT), reports, io);

  const reported = [...readFileSync(join(reports, REPORT_FILES.lcov), "utf8").matchAll(/^SF:(.*)$/gm)].map((match) => match[1]!);
  const snippets = readManifest();
  const mapped = new Set(
    snippets.flatMap((snippet) => {
      const mapFile = join(DIST, `${snippet.file}.map`);
      const { sources } = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] };
      return sources.map((source) => relative(ROOT, resolve(dirname(mapFile), source)));
    }),
  );
  expect(reported.sort()).toEqual([...mapped].filter((file) => file.startsWith("transforms/")).sort());
  expect(reported).toEqual(expect.arrayContaining([...new Set(snippets.map((snippet) => `transforms/${snippet.source}/lib/envelope.ts`))]));
  expect(out.at(-1)).toContain(`in ${reported.length} transforms/ files (fixtures: ${discoverFixtures().length}, snippets: ${snippets.length})`);
});
