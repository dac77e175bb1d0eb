import { captureHeap, type HeapImage } from "./heap-image";
import type { SandboxModule } from "./module";
import { GuestSession, type SessionSettings } from "./session";

interface PreparedRuntime {
  session: GuestSession;
  settings: SessionSettings;
  image: HeapImage;
}

/** Per shared instance: its prepared runtime, or null when its memory cannot be imaged. */
const prepared = new WeakMap<SandboxModule, PreparedRuntime | null>();

/**
 * A fresh runtime for a one-shot run, without building one: the shared instance keeps one
 * session with the prelude installed (for the settings of its first run) and an image of its
 * memory taken right then, and every one-shot run first puts that image back. A run with those
 * settings gets the session, in exactly the state of a just-built one (heap, atoms, QuickJS's
 * tick counter, and its Math.random seed, which is therefore the same in every such run of a
 * process); undefined means the caller builds its own session as before, on
 * top of the image, so it never takes the addresses quickjs-emscripten keys the prepared
 * runtime's callbacks by. Call before the run's headroom is held: restoring forgets allocations.
 */
export function preparedSession(sandboxModule: SandboxModule, settings: SessionSettings): GuestSession | undefined {
  const existing = prepared.get(sandboxModule);
  if (existing === undefined) {
    const made = prepare(sandboxModule, settings);
    prepared.set(sandboxModule, made);
    return made?.session;
  }
  if (existing === null) return undefined;
  existing.image.restore();
  return sameSettings(existing.settings, settings) ? existing.session : undefined;
}

function prepare(sandboxModule: SandboxModule, settings: SessionSettings): PreparedRuntime | null {
  try {
    const session = new GuestSession(sandboxModule, settings);
    const image = captureHeap(sandboxModule);
    if (image !== undefined) return { session, settings: { ...settings }, image };
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
