import { statSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../build/project";
import { DistInFlux, readCatalog, type DistCatalog } from "./dist-catalog";

/** How often the manifest is looked at; every build rewrites it when a snippet changes. */
const POLL_MS = 100;
/** How long a build may take to write the files its manifest names before the reload gives up until the next change. */
const SETTLE_TRIES = 40;

/**
 * Calls `reloaded` with dist/ re-read each time its manifest changes.
 * Polling the manifest's stat (rather than fs.watch) works while dist/ does
 * not exist yet and whichever way a build replaces the file; a manifest that
 * names files not yet written is read again until they match it. The first
 * stat is taken here, when the server has just read dist/: `fs.watchFile`
 * takes its own later, and a dist/ that appeared in between went unseen.
 */
export function watchDist(project: Project, reloaded: (catalog: DistCatalog) => void, failed: (message: string) => void): () => void {
  const manifest = join(project.distDir, "manifest.json");
  let timer: NodeJS.Timeout | undefined;
  const reload = (tries: number) => {
    timer = undefined;
    try {
      reloaded(readCatalog(project));
    } catch (error) {
      if (!(error instanceof DistInFlux)) return failed((error as Error).message);
      if (tries >= SETTLE_TRIES) return failed(`${error.message}; waiting for the next build`);
      timer = setTimeout(reload, POLL_MS / 2, tries + 1);
    }
  };
  let seen = statOf(manifest);
  const poll = setInterval(() => {
    const now = statOf(manifest);
    if (now === seen) return;
    seen = now;
    if (timer === undefined) timer = setTimeout(reload, 0, 0);
  }, POLL_MS);
  return () => {
    clearInterval(poll);
    clearTimeout(timer);
  };
}

/** What tells one manifest from the next: its inode, size and modification time, or that there is none. */
function statOf(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats === undefined ? "none" : `${stats.ino} ${stats.size} ${stats.mtimeMs}`;
}
