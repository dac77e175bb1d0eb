import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { MiB } from "./options";

const WASM_PAGE_BYTES = 64 * 1024;
/** The release-sync build refuses a memory smaller than its declared 256 initial pages. */
const MINIMUM_MEMORY_BYTES = 16 * MiB;
/** Static data plus the shadow stack below the heap: 0.32's heap starts at about 5.1 MiB. */
export const ENGINE_BASE_BYTES = 6 * MiB;
/** This project's libs (ES2022, no DOM) declare no WebAssembly types: the slice used here. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
/** A compiled wasm binary, opaque here. */
interface WasmModule {
  readonly compiled: unique symbol;
}
const wasm = (
  globalThis as unknown as {
    WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory; compile(bytes: Uint8Array): Promise<WasmModule> };
  }
).WebAssembly;

const requireFromQuickJS = createRequire(createRequire(import.meta.url).resolve("quickjs-emscripten"));
let releaseSyncBinary: Promise<WasmModule> | undefined;

/**
 * The release-sync binary, compiled once per process: left to itself quickjs-emscripten reads and
 * compiles the 500 KB file for every instance, and V8's lazily compiled functions would then be
 * compiled again for each one. Instances share code only; each still has its own memory and state.
 */
function compiledReleaseSync(): Promise<WasmModule> {
  if (releaseSyncBinary === undefined) {
    releaseSyncBinary = readFile(requireFromQuickJS.resolve("@jitl/quickjs-wasmfile-release-sync/wasm")).then((bytes) => wasm.compile(bytes));
    releaseSyncBinary.catch(() => (releaseSyncBinary = undefined));
  }
  return releaseSyncBinary;
}

/** Each distinct memory cap needs its own wasm instance; keep only the most recently added few. */
const MAX_CACHED_MODULES = 4;

/**
 * One QuickJS wasm instance whose linear memory has a hard maximum.
 *
 * On emscripten, QuickJS's `setMemoryLimit` only bounds single allocations (its accounting
 * counts 8 bytes per block, since `malloc_usable_size` is unavailable), so a snippet growing an
 * array of strings would otherwise grow wasm memory without bound. Capping the
 * `WebAssembly.Memory` makes malloc itself fail, which QuickJS reports as "out of memory".
 * Runs are synchronous, so only one guest at a time uses an instance and the cap is per run;
 * a SnippetRunner, whose runtime stays between runs, gets an instance of its own.
 */
export interface SandboxModule {
  readonly quickjs: QuickJSWASMModule;
  readonly memory: WasmMemory;
  readonly maximumBytes: number;
  /**
   * Takes `bytes` of wasm heap until the returned release function is called, so that after a
   * guest exhausted the heap the host still has room to read results and free the runtime.
   */
  holdHeadroom(bytes: number): () => void;
  /** Forget this instance: after a host-side trap its heap and shadow stack are untrustworthy. */
  discard(): void;
  /** Whether {@link discard} was called: nothing may run on this instance any more. */
  readonly discarded: boolean;
}

/**
 * Whether the instance's memory has grown as far as it will for a small allocation. Emscripten's
 * heap growth tries 20%, then 10%, then 5% more (rounded up to whole 64 KiB pages) and gives up
 * when even the last step passes the maximum, so the heap can stop up to 5% short of the cap.
 */
export function isAtCap(sandboxModule: SandboxModule): boolean {
  const { memory, maximumBytes } = sandboxModule;
  return Math.ceil((memory.buffer.byteLength * 1.05) / WASM_PAGE_BYTES) * WASM_PAGE_BYTES > maximumBytes;
}

const cache = new Map<number, Promise<SandboxModule>>();

function pagesFor(maximumBytes: number): number {
  return Math.ceil(Math.max(maximumBytes, MINIMUM_MEMORY_BYTES) / WASM_PAGE_BYTES);
}

/** The shared instance for this memory cap, for one-shot runs that leave nothing behind in it. */
export function loadSandboxModule(maximumBytes: number): Promise<SandboxModule> {
  const pages = pagesFor(maximumBytes);
  const cached = cache.get(pages);
  if (cached) return cached;
  const forget = () => {
    if (cache.get(pages) === loading) cache.delete(pages);
  };
  const loading = instantiate(pages, forget);
  cache.set(pages, loading);
  loading.catch(forget);
  for (const stalePages of cache.keys()) {
    if (cache.size <= MAX_CACHED_MODULES) break;
    cache.delete(stalePages);
  }
  return loading;
}

/**
 * An instance of its own, for a runtime that outlives one run (a SnippetRunner): its retained
 * heap counts against its own cap only, and no other run's trap can take it down. One a disposed
 * runner gave back is used again; otherwise a new one.
 */
export function loadDedicatedSandboxModule(maximumBytes: number): Promise<SandboxModule> {
  const pages = pagesFor(maximumBytes);
  return Promise.resolve(idle.get(pages)?.pop() ?? instantiate(pages, () => {}));
}

/** Instances given back, by cap: watch mode opens a runner for every rebuilt snippet. */
const idle = new Map<number, SandboxModule[]>();
const MAX_IDLE_PER_CAP = 4;

/**
 * Gives back a dedicated instance whose runtime its runner has freed, for the next runner of the
 * same cap: it is then what a shared instance is between one-shot runs (nothing of the freed
 * runtime is reachable, and attempt has discarded any instance a run grew to its cap), without
 * a new 16 MiB memory and instantiation for every runner.
 */
export function releaseDedicatedSandboxModule(sandboxModule: SandboxModule): void {
  if (sandboxModule.discarded) return;
  const pages = sandboxModule.maximumBytes / WASM_PAGE_BYTES;
  const instances = idle.get(pages) ?? [];
  if (instances.length < MAX_IDLE_PER_CAP && !instances.includes(sandboxModule)) instances.push(sandboxModule);
  idle.set(pages, instances);
}

async function instantiate(maximumPages: number, forget: () => void): Promise<SandboxModule> {
  const memory = new wasm.Memory({
    initial: MINIMUM_MEMORY_BYTES / WASM_PAGE_BYTES,
    maximum: maximumPages,
  });
  const quickjs = await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory, wasmModule: await compiledReleaseSync() }));
  // quickjs-emscripten exposes no allocator; its emscripten module (a protected field) has one.
  const emscripten = quickjs["module"];
  let discarded = false;
  const sandboxModule: SandboxModule = {
    quickjs,
    memory,
    maximumBytes: maximumPages * WASM_PAGE_BYTES,
    holdHeadroom(bytes) {
      const pointer = emscripten._malloc(bytes);
      if (pointer === 0) {
        sandboxModule.discard();
        throw new Error(`sandbox: could not reserve ${bytes} bytes of wasm heap; discarded the QuickJS instance`);
      }
      let held = true;
      return () => {
        if (held) emscripten._free(pointer);
        held = false;
      };
    },
    discard() {
      discarded = true;
      forget();
    },
    get discarded() {
      return discarded;
    },
  };
  return sandboxModule;
}
