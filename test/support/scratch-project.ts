import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectAt, type Project } from "../../build/project";
import { ROOT } from "./dist";

const SCRATCH = join(ROOT, "node_modules", ".cache", "bdt-tests");

export interface ScratchProject {
  readonly project: Project;
  readonly root: string;
  write(path: string, content: string): void;
  remove(): void;
}

/**
 * A copy of the project's sources to break on purpose. It lives under
 * node_modules so that packages (zod's types, tslib) resolve as in the repo.
 */
export function scratchProject(name: string, settingsFile?: string): ScratchProject {
  const root = join(SCRATCH, `${name}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const part of ["transforms", "contract", "package.json", "tsconfig.json"]) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  return {
    project: projectAt(root, settingsFile),
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
