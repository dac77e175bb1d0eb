import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { projectAt, type Project } from "../../build/project";
import { ROOT } from "./dist";

const SCRATCH = join(ROOT, "node_modules", ".cache", "bdt-tests");

export interface ScratchProject {
  readonly project: Project;
  readonly root: string;
  write(path: string, content: string): void;
  /** Runs `check` with `path` (relative to the root) changed by `change`, then puts the file back. */
  withEdit<T>(path: string, change: (text: string) => string, check: () => Promise<T>): Promise<T>;
  remove(): void;
}

/**
 * Enough Regal events to cover each shape of mapping and every event the
 * settings name, few enough to build quickly.
 */
export const SCRATCH_EVENTS = [
  "agent.activity.updated",
  "call.completed",
  "contact.attribute.edited",
  "contact.created",
  "contact.experiment.assigned",
  "contact.unsubscribed",
];

/** The copies this process holds, by slot: a copy takes the first free one. */
const slotsInUse = new Set<number>();

/**
 * A copy of the project with a few of its transforms, to break on purpose:
 * the core, every source's lib/ (so the settings still name real sources),
 * the webhook templates' libs (the settings type their settings) and
 * SCRATCH_EVENTS; no webhook template. It lives under node_modules so that packages (zod's
 * types) resolve as in the repo.
 *
 * Its folder is the first one free in this process, so the next test file's
 * copy has the folder the last one had: the build keeps what it checked and
 * parsed per folder (TypeScript's last program above all), and checks again
 * only the files that differ, as after a save in watch mode.
 */
export function scratchProject(settingsFile?: string): ScratchProject {
  let slot = 0;
  while (slotsInUse.has(slot)) slot++;
  slotsInUse.add(slot);
  const root = join(SCRATCH, `scratch-${process.pid}-${slot}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const part of [...libFolders(join(ROOT, "transforms")), ...libFolders(join(ROOT, "webhooks")), "transforms/settings.ts", "transforms/tsconfig.json", "webhooks/tsconfig.json", "contract", "package.json", "tsconfig.json"]) {
    cpSync(join(ROOT, part), join(root, part), { recursive: true });
  }
  for (const event of SCRATCH_EVENTS) cpSync(join(ROOT, "transforms/regal", `${event}.ts`), join(root, "transforms/regal", `${event}.ts`));
  let removed = false;
  return {
    project: projectAt(root, settingsFile),
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    async withEdit(path, change, check) {
      const file = join(root, path);
      const original = readFileSync(file, "utf8");
      writeFileSync(file, change(original));
      try {
        return await check();
      } finally {
        writeFileSync(file, original);
      }
    },
    remove() {
      if (removed) return;
      removed = true;
      rmSync(root, { recursive: true, force: true });
      slotsInUse.delete(slot);
    },
  };
}

/** Every lib/ folder under `dir`, nested ones too: transforms/lib/ and each source's, webhooks/lib/ and each partner's. */
function libFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .flatMap((name) => (name === "lib" ? [relative(ROOT, join(dir, name))] : libFolders(join(dir, name))));
}
