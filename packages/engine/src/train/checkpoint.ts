/**
 * A resumable checkpoint of `train`: everything the rest of a run depends on, so that
 * `train(spec, sink, { resumeFrom })` continues with exactly the parameters and metrics the
 * uninterrupted run would have had (bit for bit on one backend). And its byte form, for callers
 * that keep checkpoints in files.
 */
import type { SamplerState } from '../data/batches.js';
import type { OptimizerState } from './optimizers.js';

export interface TrainCheckpoint {
  /**
   * Steps completed: training resumes with step `step + 1`. The points of steps up to it were sent
   * before the checkpoint (but the zero-gradient phase numbers its first points with the last step).
   */
  step: number;
  epoch: number;
  /** Flat parameters θ after `step` steps. */
  theta: Float32Array;
  /** Flat batch-norm running statistics (empty without batch norm). */
  state: Float32Array;
  /** The optimiser's step count and buffers (Adam's moments, SGD's momentum). */
  optimizer: OptimizerState;
  /** Where the batch order is: the next batch is the one the uninterrupted run would draw. */
  sampler: SamplerState;
  /** The last value of every metric key so far, for `RunEnd.final` of the resumed run. */
  last: Record<string, number>;
}

const MAGIC = 'SADDLECK';
const VERSION = 1;

/** What the header of the byte form holds: the checkpoint without its arrays, and their lengths. */
interface Header {
  version: number;
  step: number;
  epoch: number;
  optimizer: { kind: OptimizerState['kind']; iterations: number; shape: number[] };
  sampler: SamplerState;
  /** Non-finite values as strings ('NaN', 'Infinity', '-Infinity'): JSON has no numbers for them. */
  last: Record<string, number | string>;
  /** Names and lengths of the float32 arrays after the header, in order. */
  arrays: [name: string, length: number][];
}

/** Optimiser buffers by name, as the byte form stores them. */
function optimizerArrays(o: OptimizerState): [string, Float32Array][] {
  switch (o.kind) {
    case 'sgd':
      return o.velocity ? [['velocity', o.velocity]] : [];
    case 'adam':
      return [...(o.m ? [['m', o.m] as [string, Float32Array]] : []), ...(o.v ? [['v', o.v] as [string, Float32Array]] : [])];
    default: {
      const unreachable: never = o;
      throw new Error(`encodeCheckpoint: unknown optimiser state ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Bytes: the 8-byte magic, a little-endian uint32 header length, the JSON header (padded with
 * spaces to a multiple of 4), then θ, the state and the optimiser buffers as little-endian float32.
 */
export function encodeCheckpoint(checkpoint: TrainCheckpoint): Uint8Array {
  const arrays: [string, Float32Array][] = [['theta', checkpoint.theta], ['state', checkpoint.state], ...optimizerArrays(checkpoint.optimizer)];
  const { kind, iterations, shape } = checkpoint.optimizer;
  const header: Header = {
    version: VERSION,
    step: checkpoint.step,
    epoch: checkpoint.epoch,
    optimizer: { kind, iterations, shape },
    sampler: checkpoint.sampler,
    last: Object.fromEntries(Object.entries(checkpoint.last).map(([k, v]) => [k, Number.isFinite(v) ? v : String(v)])),
    arrays: arrays.map(([name, a]) => [name, a.length]),
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  if (padded !== json.length) json = new TextEncoder().encode(JSON.stringify(header) + ' '.repeat(padded - json.length));
  const floats = arrays.reduce((n, [, a]) => n + a.length, 0);
  const bytes = new Uint8Array(12 + json.length + floats * 4);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let at = 12 + json.length;
  for (const [, a] of arrays) {
    for (let i = 0; i < a.length; i++, at += 4) view.setFloat32(at, a[i]!, true);
  }
  return bytes;
}

export function decodeCheckpoint(bytes: Uint8Array): TrainCheckpoint {
  const fail = (why: string): never => {
    throw new Error(`decodeCheckpoint: ${why}; the file is not a checkpoint written by encodeCheckpoint (or it was cut short)`);
  };
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) fail(`it does not start with '${MAGIC}'`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) fail(`its header claims ${headerLength} bytes but only ${bytes.length - 12} follow`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  if (header.version !== VERSION) fail(`its version is ${header.version}, this engine reads version ${VERSION}`);
  const expected = 12 + headerLength + header.arrays.reduce((n, [, length]) => n + length * 4, 0);
  if (bytes.length !== expected) fail(`it has ${bytes.length} bytes, its header describes ${expected}`);
  const arrays = new Map<string, Float32Array>();
  let at = 12 + headerLength;
  for (const [name, length] of header.arrays) {
    const a = new Float32Array(length);
    for (let i = 0; i < length; i++, at += 4) a[i] = view.getFloat32(at, true);
    arrays.set(name, a);
  }
  const { kind, iterations, shape } = header.optimizer;
  const buffer = (name: string): { [name: string]: Float32Array } => {
    const a = arrays.get(name);
    return a ? { [name]: a } : {};
  };
  const optimizer: OptimizerState =
    kind === 'sgd' ? { kind, iterations, shape, ...buffer('velocity') } : { kind, iterations, shape, ...buffer('m'), ...buffer('v') };
  return {
    step: header.step,
    epoch: header.epoch,
    theta: arrays.get('theta') ?? fail('it has no theta'),
    state: arrays.get('state') ?? fail('it has no state'),
    optimizer,
    sampler: header.sampler,
    last: Object.fromEntries(Object.entries(header.last).map(([k, v]) => [k, Number(v)])),
  };
}
