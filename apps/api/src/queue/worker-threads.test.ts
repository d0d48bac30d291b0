import { describe, expect, it } from 'vitest';
import { workerThreadCount } from './local-queue.js';

describe('workerThreadCount', () => {
  it('shares the cores out among the worker processes, at least one thread each', () => {
    expect(workerThreadCount(1, {}, 4)).toBe('4');
    expect(workerThreadCount(2, {}, 4)).toBe('2');
    expect(workerThreadCount(4, {}, 4)).toBe('1');
    expect(workerThreadCount(8, {}, 2)).toBe('1');
  });

  it('passes SADDLE_THREADS through when the user set it', () => {
    expect(workerThreadCount(2, { SADDLE_THREADS: '3' }, 4)).toBe('3');
    expect(workerThreadCount(2, { SADDLE_THREADS: '' }, 4)).toBe('2');
  });
});
