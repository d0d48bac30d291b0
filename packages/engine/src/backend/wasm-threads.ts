/**
 * tfjs-wasm's multi-threaded SIMD build, in Node.
 *
 * tfjs 4.22 ships `tfjs-backend-wasm-threaded-simd.wasm` (XNNPACK with a pthreadpool: convolutions,
 * matrix products and pooling split across threads) but never uses it in Node, for two reasons
 * this module works around, keeping every kernel tfjs and Saddle register for 'wasm':
 *  1. `WASM_HAS_MULTITHREAD_SUPPORT` is hard-coded false in Node (tfjs issue #3830), because its
 *     loader hands Emscripten blob: URLs for the worker and main scripts and Node's `Worker` only
 *     takes files. Here the worker script is written to a temporary file and the main script is
 *     the package's own file; Emscripten's Node path (worker_threads) does the rest.
 *  2. The C side caps the pool at `emscripten_num_logical_cores() / 2` (it assumes two hardware
 *     threads per core), i.e. ONE thread on a 2-vCPU machine. Emscripten reads that count from
 *     `os.cpus().length` once, while the module initialises, so for that moment `os.cpus` reports
 *     each CPU twice.
 * The pool's workers are unref'd, so an idle pool never keeps a process alive.
 *
 * Measured on a 2-vCPU VM: 5×5 conv of [64,16,16,16] 18 → 9.9 ms, 512² matmul 11.2 → 6.7 ms.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

/** The part of Emscripten's module object this file touches. */
interface EmscriptenThreadedModule {
  cwrap: (name: string, returnType: string | null, argumentTypes: string[]) => (...args: number[]) => number;
  PThread: { runningWorkers: { unref: () => void }[]; unusedWorkers: { unref: () => void }[] };
  tfjs?: Record<string, (...args: number[]) => number>;
}
type ThreadedFactory = (config: Record<string, unknown>) => Promise<EmscriptenThreadedModule>;

/** The tfjs priority of the 'wasm' backend (as `@tensorflow/tfjs-backend-wasm` registers it). */
const WASM_PRIORITY = 2;

async function loadThreadedModule(threads: number): Promise<EmscriptenThreadedModule> {
  const wasmOut = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'));
  const mainScript = path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const factory = require(mainScript) as ThreadedFactory;
  const { wasmWorkerContents } = require(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'saddle-wasm-threads-'));
  const workerScript = path.join(scratch, 'tfjs-backend-wasm-threaded-simd.worker.js');
  // The contents were a template literal: its "\n" escapes are real newlines now, some of them
  // inside string literals; put the escapes back (as tfjs's own loader does before its Blob).
  writeFileSync(workerScript, wasmWorkerContents.replace(/\n/g, '\\n'));
  const realCpus = os.cpus;
  const cpus = realCpus();
  const reported = Array.from({ length: 2 * Math.max(threads, cpus.length) }, (_, i) => cpus[i % cpus.length]!);
  os.cpus = () => reported;
  try {
    const module = await factory({
      locateFile: (file: string) =>
        file.endsWith('.worker.js') ? workerScript : path.join(wasmOut, file.endsWith('.wasm') ? 'tfjs-backend-wasm-threaded-simd.wasm' : file),
      // What each worker evaluates to get the module factory: the package's own file.
      mainScriptUrlOrBlob: mainScript,
    });
    // The same bridge tfjs's own loader (backend_wasm.ts `init`) builds.
    module.tfjs = {
      init: module.cwrap('init', null, []),
      initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
      getThreadsCount: module.cwrap('get_threads_count', 'number', []),
      registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
      disposeData: module.cwrap('dispose_data', null, ['number']),
      dispose: module.cwrap('dispose', null, []),
    };
    return module;
  } finally {
    os.cpus = realCpus;
    // Every worker has read its script by the time the module is ready (or has failed).
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Re-registers tfjs's 'wasm' backend as the threaded SIMD build with `threads` threads (≥ 2).
 * Call before `tf.setBackend('wasm')`; resolves to the thread count XNNPACK really uses.
 */
export async function useThreadedWasm(threads: number): Promise<number> {
  if (!Number.isInteger(threads) || threads < 2) throw new Error(`useThreadedWasm: threads must be an integer ≥ 2, got ${threads}`);
  if (typeof SharedArrayBuffer === 'undefined') throw new Error('useThreadedWasm: this runtime has no SharedArrayBuffer (needed for wasm threads)');
  if ('wasm' in tf.engine().registry) throw new Error("useThreadedWasm: the 'wasm' backend is already initialised; call this before it is first used");
  const module = await loadThreadedModule(threads);
  setThreadsCount(threads);
  tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    () => {
      // BackendWasm's constructor creates the thread pool (init_with_threads_count).
      const backend = new BackendWasm(module as unknown as ConstructorParameters<typeof BackendWasm>[0]);
      for (const worker of [...module.PThread.runningWorkers, ...module.PThread.unusedWorkers]) worker.unref();
      return backend;
    },
    WASM_PRIORITY,
  );
  if (!(await tf.setBackend('wasm'))) throw new Error("useThreadedWasm: tf.setBackend('wasm') returned false for the threaded build");
  const actual = getThreadsCount();
  if (actual < 2) throw new Error(`useThreadedWasm: asked for ${threads} threads, XNNPACK's pool has ${actual}`);
  return actual;
}
