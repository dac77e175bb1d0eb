import { createRequire } from "node:module";
import type { SandboxModule } from "./module";
import { MiB } from "./options";

/**
 * How quickjs-emscripten's release-sync build of this version lays out its linear memory: static
 * data from address 0, then emscripten's 5 MiB shadow stack growing down to HEAP_BASE (the initial
 * `__stack_pointer` in the wasm's global section), then the malloc heap up to the program break,
 * a static variable. Between host calls the shadow stack is empty, so static data and the heap are
 * all of an instance's state. Another version may lay it out differently: then no images are taken
 * (and every one-shot run builds its runtime) until this is checked against its binary again.
 */
const LAID_OUT_FOR_VERSION = "0.32.0";
const HEAP_BASE = 5_333_088;
const STACK_BYTES = 5 * MiB;
const STATIC_END = HEAP_BASE - STACK_BYTES;
/** Larger than any free block of a heap holding a few runtimes, so malloc must move the break. */
const PROBE_BYTES = MiB;

const layoutApplies = createRequire(import.meta.url)("quickjs-emscripten/package.json").version === LAID_OUT_FOR_VERSION;

/** A copy of an instance's state, to put back later. */
export interface HeapImage {
  /** Makes the instance's static data and heap what they were when the image was taken. */
  restore(): void;
  /** What the copy holds. */
  readonly bytes: number;
}

const breakAddresses = new WeakMap<SandboxModule, number | undefined>();

/** The instance's state now, or undefined when its memory is not laid out as described above. */
export function captureHeap(sandboxModule: SandboxModule): HeapImage | undefined {
  if (!layoutApplies) return undefined;
  if (!breakAddresses.has(sandboxModule)) breakAddresses.set(sandboxModule, findBreakAddress(sandboxModule));
  const breakAddress = breakAddresses.get(sandboxModule);
  if (breakAddress === undefined) return undefined;
  const { memory } = sandboxModule;
  const heapEnd = new Uint32Array(memory.buffer)[breakAddress / 4]!;
  const bytes = new Uint8Array(memory.buffer);
  const staticData = bytes.slice(0, STATIC_END);
  const heap = bytes.slice(HEAP_BASE, heapEnd);
  return {
    bytes: staticData.byteLength + heap.byteLength,
    restore() {
      const now = new Uint8Array(memory.buffer);
      now.set(staticData, 0);
      now.set(heap, HEAP_BASE);
    },
  };
}

/**
 * The static word holding the program break: the one word pointing into the heap that a malloc
 * of PROBE_BYTES moves by at least that much. Undefined (no images) unless exactly one does.
 */
function findBreakAddress(sandboxModule: SandboxModule): number | undefined {
  const { memory } = sandboxModule;
  const before = new Uint32Array(memory.buffer, 0, STATIC_END / 4).slice();
  const release = sandboxModule.holdHeadroom(PROBE_BYTES);
  const after = new Uint32Array(memory.buffer, 0, STATIC_END / 4);
  const moved: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const was = before[i]!;
    if (was >= HEAP_BASE && after[i]! <= memory.buffer.byteLength && after[i]! - was >= PROBE_BYTES) moved.push(i * 4);
  }
  release();
  return moved.length === 1 ? moved[0] : undefined;
}
