import { describe, expect, it } from 'vitest';
import { serializeSvg, slug, toCsv } from './export';

describe('toCsv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    const csv = toCsv(['run', 'step', 'value'], [
      ['deep, sinc', 1, 0.5],
      ['say "hi"', 2, null],
    ]);
    expect(csv).toBe('run,step,value\n"deep, sinc",1,0.5\n"say ""hi""",2,\n');
  });
});

describe('serializeSvg', () => {
  it('writes a standalone document with a white background and size', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '300');
    svg.setAttribute('height', '200');
    svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'path'));
    const text = serializeSvg(svg);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toMatch(/<rect[^>]*fill="#ffffff"/);
    expect(text).toContain('width="300"');
    // the drawn chart itself is untouched
    expect(svg.querySelectorAll('rect')).toHaveLength(0);
  });
});

describe('slug', () => {
  it('makes filenames', () => {
    expect(slug('Loss vs epoch (deep/sinc5)')).toBe('loss-vs-epoch-deep-sinc5');
  });
});
