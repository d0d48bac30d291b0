import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageFolderEntries, imageZipEntries, loadImages } from './images.js';

/** A PNG whose every pixel is (r, g, b). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let p = 0; p < width * height; p++) image.data.set([...rgb, 255], p * 4);
  return PNG.sync.write(image);
}

describe('loadImages', () => {
  it('reads one folder per class from disk: grey PNGs as one channel in [0, 1], labels by folder name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-images-'));
    mkdirSync(join(dir, 'dark'));
    mkdirSync(join(dir, 'light'));
    writeFileSync(join(dir, 'dark', 'a.png'), png(3, 2, [51, 51, 51]));
    writeFileSync(join(dir, 'light', 'b.png'), png(3, 2, [255, 255, 255]));
    writeFileSync(join(dir, 'light', 'notes.txt'), 'ignored');
    const data = loadImages(imageFolderEntries(dir));
    expect(data.inputShape).toEqual([2, 3, 1]);
    expect(data.classNames).toEqual(['dark', 'light']);
    expect(Array.from(data.y)).toEqual([0, 1]);
    expect(data.x[0]).toBeCloseTo(0.2, 6);
    expect(data.x[6]).toBe(1);
  });

  it('reads a zip with a top folder; colour JPEGs as RGB', () => {
    const red = jpeg.encode({ width: 4, height: 4, data: Buffer.from(new Array(16).fill([250, 0, 0, 255]).flat()) }, 100).data;
    const blue = jpeg.encode({ width: 4, height: 4, data: Buffer.from(new Array(16).fill([0, 0, 250, 255]).flat()) }, 100).data;
    const zip = zipSync({ 'mine/red/1.jpg': red, 'mine/blue/1.jpeg': blue, 'mine/blue/2.jpg': blue, '__MACOSX/mine/red/._1.jpg': new Uint8Array(3) });
    const data = loadImages(imageZipEntries(zip));
    expect(data.inputShape).toEqual([4, 4, 3]);
    expect(data.classNames).toEqual(['blue', 'red']);
    expect(Array.from(data.y)).toEqual([0, 0, 1]);
    // JPEG is lossy: the blue channel of a blue image is near 250/255, the red near 0.
    expect(data.x[2]).toBeGreaterThan(0.9);
    expect(data.x[0]).toBeLessThan(0.1);
  });

  it('names the file with a different size, a damaged image and a flat layout', () => {
    expect(() => loadImages([{ path: 'a/1.png', bytes: png(2, 2, [0, 0, 0]) }, { path: 'b/2.png', bytes: png(3, 2, [0, 0, 0]) }])).toThrow(/b\/2\.png is 3×2 but a\/1\.png is 2×2/);
    expect(() => loadImages([{ path: 'a/1.png', bytes: new Uint8Array([1, 2, 3]) }])).toThrow(/a\/1\.png: cannot be decoded as PNG/);
    expect(() => loadImages([{ path: '1.png', bytes: png(2, 2, [0, 0, 0]) }])).toThrow(/1\.png is not directly inside a class folder/);
    expect(() => loadImages([{ path: 'a/1.png', bytes: png(2, 2, [0, 0, 0]) }])).toThrow(/only the class folder 'a'/);
  });
});
