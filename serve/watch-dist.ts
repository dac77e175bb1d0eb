import { unwatchFile, watchFile } from "node:fs";
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
 * names files not yet written is read again until they match it.
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
  const changed = () => {
    if (timer === undefined) timer = setTimeout(reload, 0, 0);
  };
  watchFile(manifest, { interval: POLL_MS }, changed);
  return () => {
    unwatchFile(manifest, changed);
    clearTimeout(timer);
  };
}
