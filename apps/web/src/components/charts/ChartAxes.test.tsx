import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axisTitle, ChartAxes } from './ChartAxes';
import { makeScale } from './scales';

describe('axisTitle', () => {
  it('names a log scale and leaves linear ones and missing titles alone', () => {
    expect(axisTitle('train loss', 'log')).toBe('train loss (log scale)');
    expect(axisTitle('epoch', 'linear')).toBe('epoch');
    expect(axisTitle(undefined, 'log')).toBeUndefined();
  });
});

describe('ChartAxes', () => {
  it('draws both axis titles, the log one saying so', () => {
    const { container } = render(
      <svg>
        <ChartAxes
          xScale={makeScale('linear', [0, 10], [0, 400])}
          yScale={makeScale('log', [1e-3, 1], [200, 0])}
          xKind="linear"
          yKind="log"
          innerWidth={400}
          innerHeight={200}
          xLabel="epoch"
          yLabel="train loss"
        />
      </svg>,
    );
    const texts = [...container.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('epoch');
    expect(texts).toContain('train loss (log scale)');
  });
});
