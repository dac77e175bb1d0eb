import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { projectAt } from "../../build/project";
import { staleDistProblem, stampDist } from "../../build/source-inputs";

/*
 * A clone has no record of what its dist/ was built from: until the first
 * build or check writes one, the sources changed since the commit, as git
 * sees them, are what make dist/ stale.
 */
let root: string;
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bdt-clone-"));
  write("transforms/acme/order.placed.ts", "export default {};\n");
  write("dist/manifest.json", '{ "snippets": [], "webhooks": [] }\n');
  git("init", "-q");
  git("add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "built");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a fresh clone's dist/ is fresh until a source differs from the commit", () => {
  expect(staleDistProblem(projectAt(root))).toBeUndefined();
  write("transforms/acme/order.placed.ts", "export default { changed: true };\n");
  write("webhooks/acme/hello.ts", "export default {};\n");
  expect(staleDistProblem(projectAt(root))).toBe("dist/ is stale against transforms/acme/order.placed.ts, webhooks/acme/hello.ts: run npm run build");
});

test("once dist/ is built or checked, the record decides, not git", () => {
  write("transforms/acme/order.placed.ts", "export default { changed: true };\n");
  stampDist(projectAt(root));
  expect(staleDistProblem(projectAt(root))).toBeUndefined();
  write("contract/rules.ts", "export {};\n");
  expect(staleDistProblem(projectAt(root))).toBe("dist/ is stale against contract/rules.ts: run npm run build");
});

test("an unbuilt dist/ says so", () => {
  rmSync(join(root, "dist"), { recursive: true });
  expect(staleDistProblem(projectAt(root))).toBe("dist/ is not built: run npm run build");
});

describe("the record's mtimes and sizes", () => {
  const path = "transforms/acme/order.placed.ts";
  const anHourAgo = new Date(Date.now() - 3_600_000);

  test("a source touched without a change, or removed, is told apart by its content", () => {
    stampDist(projectAt(root));
    utimesSync(join(root, path), new Date(), new Date(Date.now() + 5_000));
    expect(staleDistProblem(projectAt(root))).toBeUndefined();
    write(path, "export default {a};\n");
    expect(staleDistProblem(projectAt(root))).toBe(`dist/ is stale against ${path}: run npm run build`);
    rmSync(join(root, path));
    expect(staleDistProblem(projectAt(root))).toBe(`dist/ is stale against ${path}: run npm run build`);
  });

  /** Stamps a source last edited an hour ago, then changes it keeping its size and mtime: only reading it would tell. */
  const editUnseenByStat = () => {
    utimesSync(join(root, path), anHourAgo, anHourAgo);
    stampDist(projectAt(root));
    write(path, "export default [];\n");
    utimesSync(join(root, path), anHourAgo, anHourAgo);
  };

  test("decide alone for a source last edited well before the record: it is not read", () => {
    editUnseenByStat();
    // A check on every bdt run reads no file it can trust.
    expect(staleDistProblem(projectAt(root))).toBeUndefined();
    utimesSync(join(root, path), new Date(), new Date());
    expect(staleDistProblem(projectAt(root))).toBe(`dist/ is stale against ${path}: run npm run build`);
  });

  test("a new stamp reads only the sources the last one cannot vouch for", () => {
    editUnseenByStat();
    // Its mtime and size are as the last stamp recorded them, from well before it: the record is kept, not read again.
    stampDist(projectAt(root));
    utimesSync(join(root, path), new Date(), new Date());
    expect(staleDistProblem(projectAt(root))).toBe(`dist/ is stale against ${path}: run npm run build`);
    stampDist(projectAt(root));
    expect(staleDistProblem(projectAt(root))).toBeUndefined();
  });
});
