import { describe, expect, it } from 'vitest';
import { buildModel } from './model.js';
import { zoo, zooSummaries } from './zoo.js';

const expected: Record<string, number> = {
  'mlp-shallow': 573,
  'mlp-middle': 573,
  'mlp-deep': 573,
  'cnn-shallow': 34_634,
  'cnn-deep': 34_658,
  'cnn-c4-c4': 3_294,
  'cnn-c4-c8': 6_266,
  'cnn-c4-c16': 12_210,
  'cnn-c4-c32': 24_098,
  'cnn-c8-c32': 27_610,
  'cnn-c16-c32': 34_634,
  'cnn-c32-c32': 48_682,
  'cnn-c64-c64': 148_554,
  'cnn-c128-c64': 255_946,
  'cnn-c128-c128': 501_898,
};

describe('model zoo', () => {
  it('has exactly the HW1 parameter counts on 32×32×3 (MLPs on [1])', () => {
    const summaries = zooSummaries();
    expect(Object.keys(summaries).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, count] of Object.entries(expected)) {
      expect({ id, count: summaries[id]!.totalParams }).toEqual({ id, count });
      expect(summaries[id]!.trainableParams).toBe(count);
      expect(summaries[id]!.text).toContain(`Total params: ${count.toLocaleString('en-US')}`);
    }
  });

  it('the fitting MLPs start with a linear 1-unit layer; BN buffers are listed apart from params', () => {
    for (const id of ['mlp-shallow', 'mlp-middle', 'mlp-deep']) expect(zoo[id]!.spec.layers[0]).toEqual({ type: 'dense', units: 1, activation: 'linear' });
    expect(zooSummaries()['cnn-shallow']!.text).toContain('Buffers (batch-norm running mean/variance, not parameters): 96');
  });

  it('the deep CNN ends in a 16×16×8 map and every spec is JSON', () => {
    const s = zooSummaries()['cnn-deep']!;
    const flatten = s.rows.find((r) => r.type === 'flatten')!;
    expect(flatten.outputShape).toEqual([null, 16 * 16 * 8]);
    for (const entry of Object.values(zoo)) expect(JSON.parse(JSON.stringify(entry.spec))).toEqual(entry.spec);
  });

  it('on MNIST 28×28×1 the same specs give their own counts', () => {
    // conv16: 5·5·1·16+16 = 416; BN 32; conv32: 12,832; BN 64; pool → 7×7×32 = 1568; dense 15,690.
    expect(buildModel(zoo['cnn-shallow']!.spec, [28, 28, 1]).numParams).toBe(416 + 32 + 12_832 + 64 + 15_690);
  });
});
