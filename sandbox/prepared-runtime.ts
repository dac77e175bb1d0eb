import type { QuickJSHandle } from "quickjs-emscripten";
import { captureHeap, type HeapImage } from "./heap-image";
import type { SandboxModule } from "./module";
import { MiB } from "./options";
import { GuestSession, type SessionSettings, type Spent } from "./session";

/** The runtime as it was right after compiling one snippet, and what compiling it took. */
interface CompiledImage {
  readonly image: HeapImage;
  readonly snippet: QuickJSHandle;
  readonly spent: Spent;
}

interface PreparedRuntime {
  readonly session: GuestSession;
  readonly settings: SessionSettings;
  readonly image: HeapImage;
  /** By snippet code, least recently run first. */
  readonly compiled: Map<string, CompiledImage>;
}

/**
 * What the compiled images of one instance may hold together: a few hundred KB each (the
 * project's largest router, 50 KB of code, makes a 490 KB image), so every snippet of a large
 * project fits.
 */
const COMPILED_IMAGES_BYTES = 64 * MiB;

/** Per shared instance: its prepared runtime, or null when its memory cannot be imaged. */
const prepared = new WeakMap<SandboxModule, PreparedRuntime | null>();

/** The prepared session put back for one run of one snippet. */
export interface PreparedRun {
  readonly session: GuestSession;
  /** When the session has the snippet compiled already (put back from its image): what compiling it took. */
  readonly compiled: Spent | undefined;
  /** Call right after compiling the snippet, with no headroom held: keeps an image for its next runs and answers what compiling it took. */
  keepCompiled(): Spent;
  /** Puts the just-built runtime back, after compiling failed. */
  putBack(): void;
}

/**
 * A fresh runtime for a one-shot run, without building one: the shared instance keeps one
 * session with the prelude installed (for the settings of its first run) and an image of its
 * memory taken right then, and every one-shot run first puts that image back. A run with those
 * settings gets the session, in exactly the state of a just-built one (heap, atoms, QuickJS's
 * tick counter, and its Math.random seed, which is therefore the same in every such run of a
 * process); undefined means the caller builds its own session as before, on
 * top of the image, so it never takes the addresses quickjs-emscripten keys the prepared
 * runtime's callbacks by. Call before the run's headroom is held: restoring forgets allocations.
 *
 * A snippet compiled there is imaged too, right after compiling (`keepCompiled`): its next run
 * puts that image back instead, in exactly the state of a just-built runtime that has just
 * compiled it, so it skips only the compiling (about 75 µs per KB of code), whose time and
 * interrupt checks its budget starts with.
 */
export function preparedSession(sandboxModule: SandboxModule, settings: SessionSettings, code: string): PreparedRun | undefined {
  const existing = prepared.get(sandboxModule);
  if (existing === undefined) {
    const made = prepare(sandboxModule, settings);
    prepared.set(sandboxModule, made);
    return made ? run(sandboxModule, made, code, undefined) : undefined;
  }
  if (existing === null) return undefined;
  if (!sameSettings(existing.settings, settings)) {
    existing.image.restore();
    return undefined;
  }
  const kept = existing.compiled.get(code);
  if (kept === undefined) {
    existing.image.restore();
    return run(sandboxModule, existing, code, undefined);
  }
  kept.image.restore();
  existing.compiled.delete(code);
  existing.compiled.set(code, kept);
  existing.session.resume(kept.snippet);
  return run(sandboxModule, existing, code, kept.spent);
}

function run(sandboxModule: SandboxModule, runtime: PreparedRuntime, code: string, compiled: Spent | undefined): PreparedRun {
  return {
    session: runtime.session,
    compiled,
    keepCompiled() {
      const { session } = runtime;
      const snippet = session.compiledSnippet;
      const image = captureHeap(sandboxModule);
      if (snippet === undefined || image === undefined) throw new Error("sandbox: keepCompiled before the snippet compiled");
      const spent = session.spent();
      runtime.compiled.set(code, { image, snippet, spent });
      let bytes = [...runtime.compiled.values()].reduce((sum, kept) => sum + kept.image.bytes, 0);
      for (const [oldest, kept] of runtime.compiled) {
        if (bytes <= COMPILED_IMAGES_BYTES) break;
        runtime.compiled.delete(oldest);
        bytes -= kept.image.bytes;
      }
      return spent;
    },
    putBack() {
      runtime.image.restore();
      runtime.session.rewind();
    },
  };
}

function prepare(sandboxModule: SandboxModule, settings: SessionSettings): PreparedRuntime | null {
  try {
    const session = new GuestSession(sandboxModule, settings);
    const image = captureHeap(sandboxModule);
    if (image !== undefined) return { session, settings: { ...settings }, image, compiled: new Map() };
    session.dispose();
    return null;
  } catch (hostError) {
    // As in attempt: after a host-side failure the instance's state is unknown.
    sandboxModule.discard();
    throw hostError;
  }
}

function sameSettings(a: SessionSettings, b: SessionSettings): boolean {
  return a.timeoutMs === b.timeoutMs && a.memoryBytes === b.memoryBytes && a.stackBytes === b.stackBytes && a.maxOutputBytes === b.maxOutputBytes;
}
