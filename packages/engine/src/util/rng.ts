/**
 * A small seeded random number generator: every random choice in the engine (initial weights,
 * batch order, data sampling, label shuffles, random directions) draws from one of these, so the
 * same seed gives the same numbers on every machine. mulberry32 for the stream; splitmix32 to
 * derive well-separated seeds for independent streams (`fork`).
 */

/** splitmix32's finaliser: a bijective 32-bit mix, used to turn (seed, stream) into a fresh seed. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator's position in its stream (JSON-safe), for checkpoints. */
export interface RngState {
  state: number;
  /** The second normal of a Box–Muller pair not yet handed out. */
  spareNormal?: number;
}

export class Rng {
  private state: number;
  /** Second normal of the last Box–Muller pair, handed out by the next `normal()`. */
  private spareNormal: number | undefined;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    this.state = mix32(Math.floor(seed) >>> 0);
  }

  /** Where the stream is: restoring it with `setState` makes the generator repeat every later draw. */
  getState(): RngState {
    return this.spareNormal === undefined ? { state: this.state } : { state: this.state, spareNormal: this.spareNormal };
  }

  setState(saved: RngState): void {
    if (!Number.isInteger(saved.state)) throw new Error(`Rng.setState: state must be a 32-bit integer, got ${saved.state}`);
    this.state = saved.state | 0;
    this.spareNormal = saved.spareNormal;
  }

  /** An independent generator for a named purpose, e.g. `rng.fork(1)` for init, `fork(2)` for batches. */
  static stream(seed: number, stream: number): Rng {
    return new Rng(mix32((mix32(Math.floor(seed) >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0));
  }

  /** Uniform on [0, 1), 32 bits of resolution (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform on [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** Integer uniform on {0, ..., n − 1}. */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0)) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller; both values of each pair are used). */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + std * z;
    }
    // 1 − next() is in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(angle);
    return mean + std * r * Math.cos(angle);
  }

  /** Fisher–Yates in place; returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** k distinct indices from 0..n−1, in random order (a partial Fisher–Yates). */
  sample(n: number, k: number): Int32Array {
    if (!(k >= 0 && k <= n)) throw new Error(`Rng.sample: need 0 ≤ k ≤ n, got k=${k}, n=${n}`);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const tmp = p[i]!;
      p[i] = p[j]!;
      p[j] = tmp;
    }
    return p.slice(0, k);
  }

  /** A Float32Array of n draws from U(low, high). */
  uniformArray(n: number, low: number, high: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(low, high);
    return out;
  }

  /** A Float32Array of n draws from N(mean, std²). */
  normalArray(n: number, mean = 0, std = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, std);
    return out;
  }
}
