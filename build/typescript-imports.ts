/**
 * Resolves once this process can import TypeScript modules of the project
 * (webhook templates, a settings file). Under tsx or vitest it already can;
 * the bundled CLI (build/cli-bundle) has no loader, so the first import of a
 * `.ts` file would fail, and Node keeps that failure for the file: a probe
 * file of our own asks first, and tsx is registered when it fails.
 */
export function typeScriptImports(): Promise<void> {
  return (ready ??= probe());
}

let ready: Promise<void> | undefined;

async function probe(): Promise<void> {
  try {
    await import(new URL("./typescript-probe.ts", import.meta.url).href);
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    (await import("tsx/esm/api")).register();
  }
}
