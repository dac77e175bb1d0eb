import { createHash } from "node:crypto";
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
  readonly image: HeapImage;
  /** By the snippet code's digest, least recently run first. */
  readonly compiled: Map<string, CompiledImage>;
  /** The digests of the latest codes run once, oldest first: a code is imaged on its second run, so a text run once costs no image. */
  readonly ranOnce: Set<string>;
}

/**
 * What the compiled images of one instance may hold together, whatever their settings: a few
 * hundred KB each (the project's largest router, 50 KB of code, makes a 490 KB image), so every
 * snippet of a large project fits.
 */
const COMPILED_IMAGES_BYTES = 64 * MiB;

/** How many codes run once a prepared runtime remembers, to image them when they run again. */
const RAN_ONCE_REMEMBERED = 256;

/**
 * How many settings one instance prepares a runtime for: each makes the images of those after it
 * about 210 KB larger, and runs with yet other settings build their own runtime.
 */
const PREPARED_SETTINGS = 8;

/** Per shared instance: its prepared runtimes by settings, in the order made; null when its memory cannot be imaged. */
const prepared = new WeakMap<SandboxModule, Map<string, PreparedRuntime> | null>();

/** The prepared session put back for one run of one snippet. */
export interface PreparedRun {
  readonly session: GuestSession;
  /** When the session has the snippet compiled already (put back from its image): what compiling it took. */
  readonly compiled: Spent | undefined;
  /** Whether to compile the snippet on its own and image it: it ran here before and is not imaged yet. */
  readonly worthKeeping: boolean;
  /** Call right after compiling the snippet, with no headroom held: keeps an image for its next runs and answers what compiling it took. */
  keepCompiled(): Spent;
  /** Puts the just-built runtime back, after compiling failed. */
  putBack(): void;
}

/**
 * A fresh runtime for a one-shot run, without building one: the shared instance keeps a session
 * with the prelude installed for each of the first settings it runs with, and an image of its
 * memory taken right then, and every one-shot run first puts its settings' image back. The run
 * gets the session, in exactly the state of a just-built one (heap, atoms, QuickJS's tick
 * counter, and its Math.random seed, which is therefore the same in every such run of a
 * process). Each runtime is made on top of the image of the one made before, so every image
 * holds all the runtimes made before it, each where its session's handles (and the addresses
 * quickjs-emscripten keys its callbacks by) expect it. Undefined means the caller builds its own
 * session as before, on top of the latest image. Call before the run's headroom is held:
 * restoring forgets allocations.
 *
 * A snippet run there a second time is imaged too, right after compiling (`keepCompiled`): its
 * later runs put that image back instead, in exactly the state of a just-built runtime that has
 * just compiled it, so they skip only the compiling (about 75 µs per KB of code), whose time and
 * interrupt checks their budget starts with.
 */
export function preparedSession(sandboxModule: SandboxModule, settings: SessionSettings, code: string): PreparedRun | undefined {
  // By digest: V8 hashes a string of over 16,383 characters by its length alone, so texts of one length would all collide.
  const digest = createHash("sha256").update(code).digest("base64");
  const known = prepared.get(sandboxModule);
  if (known === null) return undefined;
  const runtimes = known ?? new Map<string, PreparedRuntime>();
  prepared.set(sandboxModule, runtimes);
  const key = settingsKey(settings);
  const existing = runtimes.get(key);
  if (existing === undefined) {
    const latest = [...runtimes.values()].at(-1);
    latest?.image.restore();
    if (runtimes.size >= PREPARED_SETTINGS) return undefined;
    const made = prepare(sandboxModule, settings);
    if (made === undefined) {
      prepared.set(sandboxModule, null);
      return undefined;
    }
    runtimes.set(key, made);
    return preparedRun(sandboxModule, runtimes, made, digest, undefined, ranBefore(made, digest));
  }
  const kept = existing.compiled.get(digest);
  if (kept === undefined) {
    existing.image.restore();
    return preparedRun(sandboxModule, runtimes, existing, digest, undefined, ranBefore(existing, digest));
  }
  kept.image.restore();
  existing.compiled.delete(digest);
  existing.compiled.set(digest, kept);
  existing.session.resume(kept.snippet);
  return preparedRun(sandboxModule, runtimes, existing, digest, kept.spent, false);
}

/** Whether the code with this digest ran in this runtime lately; remembers that it has now. */
function ranBefore(runtime: PreparedRuntime, digest: string): boolean {
  if (runtime.ranOnce.delete(digest)) return true;
  runtime.ranOnce.add(digest);
  for (const oldest of runtime.ranOnce) {
    if (runtime.ranOnce.size <= RAN_ONCE_REMEMBERED) break;
    runtime.ranOnce.delete(oldest);
  }
  return false;
}

function preparedRun(
  sandboxModule: SandboxModule,
  runtimes: ReadonlyMap<string, PreparedRuntime>,
  runtime: PreparedRuntime,
  digest: string,
  compiled: Spent | undefined,
  worthKeeping: boolean,
): PreparedRun {
  return {
    session: runtime.session,
    compiled,
    worthKeeping,
    keepCompiled() {
      const { session } = runtime;
      const snippet = session.compiledSnippet;
      const image = captureHeap(sandboxModule);
      if (snippet === undefined || image === undefined) throw new Error("sandbox: keepCompiled before the snippet compiled");
      const spent = session.spent();
      runtime.compiled.set(digest, { image, snippet, spent });
      dropLeastRecent(runtime, runtimes);
      return spent;
    },
    putBack() {
      runtime.image.restore();
      runtime.session.rewind();
    },
  };
}

/** Keeps the instance's compiled images within their bytes: this runtime's least recently run go first, then the others'. */
function dropLeastRecent(runtime: PreparedRuntime, runtimes: ReadonlyMap<string, PreparedRuntime>): void {
  const holders = [runtime, ...[...runtimes.values()].filter((other) => other !== runtime)];
  let bytes = holders.reduce((sum, holder) => sum + [...holder.compiled.values()].reduce((own, kept) => own + kept.image.bytes, 0), 0);
  for (const holder of holders) {
    // The newest, this runtime's last, is kept.
    const droppable = [...holder.compiled].slice(0, holder === runtime ? -1 : undefined);
    for (const [digest, kept] of droppable) {
      if (bytes <= COMPILED_IMAGES_BYTES) return;
      holder.compiled.delete(digest);
      bytes -= kept.image.bytes;
    }
  }
}

function prepare(sandboxModule: SandboxModule, settings: SessionSettings): PreparedRuntime | undefined {
  try {
    const session = new GuestSession(sandboxModule, settings);
    const image = captureHeap(sandboxModule);
    if (image !== undefined) return { session, image, compiled: new Map(), ranOnce: new Set() };
    session.dispose();
    return undefined;
  } catch (hostError) {
    // As in attempt: after a host-side failure the instance's state is unknown.
    sandboxModule.discard();
    throw hostError;
  }
}

function settingsKey({ timeoutMs, memoryBytes, stackBytes, maxOutputBytes }: SessionSettings): string {
  return JSON.stringify([timeoutMs, memoryBytes, stackBytes, maxOutputBytes]);
}
