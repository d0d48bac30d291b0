// Fixtures written by NumPy 2.4 (fixtures/README.md says what each holds):
//   np.savez('classes.npz', x=np.arange(12, dtype=np.float32).reshape(4, 3) / 4, y=np.array([0, 1, 2, 1]))
//   np.savez_compressed('images-compressed.npz', x=np.arange(12, dtype=np.uint8).reshape(2, 3, 2), y=np.array([0.5, -1.25]))
//   np.save('table.npy', [[1, 2, .5], [3, 4, 1.5], [5, 6, 2.5]]); fortran.npy, strings.npy
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNpy, loadNpz, parseNpy } from './npy.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('NumPy loaders', () => {
  it('reads an .npz of float32 x and int64 labels as classification', () => {
    const data = loadNpz(fixture('classes.npz'), 'classes.npz');
    expect(data.inputShape).toEqual([3]);
    expect(Array.from(data.x)).toEqual(Array.from({ length: 12 }, (_, i) => i / 4));
    expect(Array.from(data.y)).toEqual([0, 1, 2, 1]);
    expect(data.numClasses).toBe(3);
    expect(data.format).toBe('npz');
  });

  it('reads a compressed .npz of (n, h, w) uint8 images with float targets as regression, adding a channel axis', () => {
    const data = loadNpz(fixture('images-compressed.npz'));
    expect(data.inputShape).toEqual([3, 2, 1]);
    expect(Array.from(data.x)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(data.y).toBeInstanceOf(Float32Array);
    expect(Array.from(data.y)).toEqual([0.5, -1.25]);
    expect(data.numClasses).toBe(0);
  });

  it('reads a lone 2-D .npy as a table whose last column is the target', () => {
    const data = loadNpy(fixture('table.npy'));
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([0.5, 1.5, 2.5]);
    expect(data.inputShape).toEqual([2]);
  });

  it('names the problem in a malformed file: order, dtype, magic, truncation, missing arrays, shapes', () => {
    expect(() => parseNpy(fixture('fortran.npy'), 'fortran.npy')).toThrow(/fortran\.npy: is in Fortran order; save numpy\.ascontiguousarray/);
    expect(() => parseNpy(fixture('strings.npy'), 'strings.npy')).toThrow(/dtype '<U1' is not supported/);
    expect(() => parseNpy(new TextEncoder().encode('a,b\n1,2\n'), 'x.npy')).toThrow(/not a NumPy \.npy file/);
    const table = fixture('table.npy');
    expect(() => parseNpy(table.subarray(0, table.length - 8), 'cut.npy')).toThrow(/needs 72 data bytes but the file has 64: truncated/);
    expect(() => loadNpz(fixture('classes.npz').subarray(0, 100), 'bad.npz')).toThrow(/bad\.npz: not a readable \.npz/);
    expect(() => loadNpy(fixture('classes.npz'))).toThrow(/not a NumPy \.npy file/);
  });
});
