/**
 * Picks and initialises the TensorFlow.js backend the engine computes on, once per process.
 *
 * Order: tensorflow-gpu (`@tensorflow/tfjs-node-gpu`, an optionalDependency whose install fails
 * without internet/CUDA — npm then skips it) > tensorflow (`@tensorflow/tfjs-node`, if a user
 * installs it) > wasm (always installed; SIMD, one thread in Node) > cpu (pure JS, slow). The
 * first that loads and initialises wins. `prefer` (or else `$SADDLE_BACKEND`) moves one name to
 * the front; if it cannot load, the rest of the order follows and `tried` says why.
 *
 * wasm computes with `threads` threads (or else `$SADDLE_THREADS`; default: every core): with two
 * or more, tfjs's threaded SIMD build (see wasm-threads.ts), whose XNNPACK kernels — convolutions,
 * pooling, elementwise operators — split their work across the cores (matrix products run on
 * Saddle's own one-thread kernel, batch-matmul.ts). Processes that share the cores
 * (the API's local workers, one per run) ask for fewer. If the threaded build cannot start, the
 * one-thread build is used and `tried` says why.
 *
 * Also installs Saddle's wasm kernels and its second-derivative-safe gradients (the tfjs holes
 * listed in packages/engine/README.md), before any backend computes.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerSecondOrderGradients } from './register-gradients.js';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { useThreadedWasm } from './wasm-threads.js';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export interface BackendAttempt {
  name: BackendName;
  /** Why it was not used; absent for the backend that was chosen. */
  error?: string;
}

export interface BackendInfo {
  /** The backend every tensor now lives on. */
  name: BackendName;
  /** `@tensorflow/tfjs` version, e.g. "4.22.0". */
  tfjsVersion: string;
  /** wasm only: whether the SIMD binary runs (false on other backends). */
  simd: boolean;
  /** Threads the backend computes with: XNNPACK's pool for wasm, 1 for cpu, the core count for TensorFlow. */
  threads: number;
  /** True on a GPU (tensorflow-gpu). */
  accelerated: boolean;
  /** Every backend tried, in order, ending with the chosen one. */
  tried: BackendAttempt[];
}

export interface InitBackendOptions {
  /** Try this backend first (overrides `$SADDLE_BACKEND`). */
  prefer?: BackendName;
  /** wasm's thread count (overrides `$SADDLE_THREADS`). Default: `os.availableParallelism()`. */
  threads?: number;
}

const require = createRequire(import.meta.url);

function isBackendName(value: string): value is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(value);
}

/** The order to try: the preferred name first, then the default order without it. */
export function backendCandidates(prefer: string | undefined): BackendName[] {
  if (prefer === undefined || prefer === '') return [...BACKEND_ORDER];
  if (!isBackendName(prefer)) {
    throw new Error(`initBackend: backend '${prefer}' (from prefer or SADDLE_BACKEND) is not one of ${BACKEND_ORDER.join(', ')}`);
  }
  return [prefer, ...BACKEND_ORDER.filter((name) => name !== prefer)];
}

/** wasm's thread count: the option, else `$SADDLE_THREADS`, else every core. */
export function wasmThreadCount(requested: number | string | undefined): number {
  if (requested === undefined || requested === '') return availableParallelism();
  const threads = Number(requested);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new Error(`initBackend: threads (from the threads option or SADDLE_THREADS) must be a whole number ≥ 1, got '${requested}'`);
  }
  return threads;
}

/** tfjs's backend id for each of our names (both TensorFlow packages register 'tensorflow'). */
const TFJS_BACKEND: Record<BackendName, string> = {
  'tensorflow-gpu': 'tensorflow',
  tensorflow: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

let wasmPathsSet = false;

/** Loads what `name` needs so that tfjs can register it; throws why not. */
function loadBackendPackage(name: BackendName): void {
  if (name === 'tensorflow-gpu') require('@tensorflow/tfjs-node-gpu');
  else if (name === 'tensorflow') require('@tensorflow/tfjs-node');
  else if (name === 'wasm' && !wasmPathsSet) {
    // Point the loader at the package's own dist/ (where the .wasm binaries are), so it works
    // wherever the engine's code itself ends up (bundled or not).
    wasmPathsSet = true;
    const distDirectory = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(`${distDirectory}${path.sep}`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' ? `not installed (${error.message.split('\n')[0]})` : error.message;
  return String(error);
}

async function describeBackend(name: BackendName, tried: BackendAttempt[]): Promise<BackendInfo> {
  const wasm = name === 'wasm';
  return {
    name,
    tfjsVersion: tf.version.tfjs,
    simd: wasm ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false,
    threads: name === 'tensorflow' || name === 'tensorflow-gpu' ? availableParallelism() : wasm ? Math.max(1, getThreadsCount()) : 1,
    accelerated: name === 'tensorflow-gpu',
    tried,
  };
}

let chosen: Promise<BackendInfo> | undefined;
let chosenInfo: BackendInfo | undefined;

/**
 * Chooses, initialises and reports the backend. Idempotent: later calls return the first
 * call's result (whatever they prefer), because tensors cannot move between backends mid-run.
 */
export function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  chosen ??= (async () => {
    registerWasmKernels();
    registerSecondOrderGradients();
    const tried: BackendAttempt[] = [];
    const threads = wasmThreadCount(options.threads ?? process.env['SADDLE_THREADS']);
    for (const name of backendCandidates(options.prefer ?? process.env['SADDLE_BACKEND'])) {
      try {
        loadBackendPackage(name);
        // Once a wasm backend exists (an earlier initBackend in this process) it is kept as it is.
        if (name === 'wasm' && threads > 1 && !('wasm' in tf.engine().registry)) {
          try {
            await useThreadedWasm(threads);
          } catch (error) {
            // Not fatal: the one-thread build below still runs everything.
            tried.push({ name, error: `threaded build (${threads} threads) failed, using one thread: ${describeError(error)}` });
          }
        }
        if (!(await tf.setBackend(TFJS_BACKEND[name]))) throw new Error(`tf.setBackend('${TFJS_BACKEND[name]}') returned false`);
        await tf.ready();
        tried.push({ name });
        chosenInfo = await describeBackend(name, tried);
        return chosenInfo;
      } catch (error) {
        tried.push({ name, error: describeError(error) });
      }
    }
    throw new Error(`initBackend: no backend could start: ${tried.map((t) => `${t.name}: ${t.error ?? '?'}`).join('; ')}`);
  })();
  // A failed start may be retried (e.g. after fixing SADDLE_BACKEND).
  chosen.catch(() => {
    chosen = undefined;
  });
  return chosen;
}

/** The chosen backend, once `initBackend` has resolved; undefined before. */
export function backendInfo(): BackendInfo | undefined {
  return chosenInfo;
}
