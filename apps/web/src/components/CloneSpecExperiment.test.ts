import { describe, expect, it } from 'vitest';
import { parseSpecClone, specCloneText } from './CloneSpecExperiment';

const input = { spec: { model: { name: 'm', layers: [] }, epochs: 3 }, sweep: { method: 'GRID', parameters: { 'optimizer.lr': { values: [0.1] } }, seeds: 2 } };

describe('the spec clone as JSON', () => {
  it('round-trips a launchInput into a launch with the name and tags', () => {
    const text = specCloneText(input);
    expect(JSON.parse(text)).toEqual(input);
    expect(parseSpecClone(text, ' copy ', 'a, b,')).toEqual({ input: { ...input, name: 'copy', tags: ['a', 'b'] } });
    expect(parseSpecClone(text, '', '')).toEqual({ input: { ...input, name: null, tags: null } });
  });

  it('says why text is not a launch', () => {
    expect(parseSpecClone('{ "spec": ', '', '').error).toMatch(/^The launch is not valid JSON/);
    expect(parseSpecClone('[1]', '', '').error).toMatch(/must be a JSON object/);
    expect(parseSpecClone('{ "spec": {}, "preset": "x" }', '', '').error).toBe('Unknown field preset: the launch takes spec, overrides, sweep and seeds.');
    expect(parseSpecClone('{ "seeds": 2 }', '', '').error).toBe('The launch needs a "spec" object (a RunSpec).');
  });
});
