import { describe, expect, it } from 'vitest';
import { elapsed, formatDuration, formatEta, formatInt, formatWhen } from './format';

describe('format', () => {
  it('formats durations at every scale', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3 m 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 m');
    expect(formatDuration(null)).toBe('—');
  });

  it('says when, relative to now', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatWhen('2026-01-01T11:59:50Z', now)).toBe('just now');
    expect(formatWhen('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatWhen('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
  });

  it('measures elapsed time, open-ended while running', () => {
    const now = Date.parse('2026-01-01T12:00:10Z');
    expect(elapsed('2026-01-01T12:00:00Z', '2026-01-01T12:00:04Z', now)).toBe(4000);
    expect(elapsed('2026-01-01T12:00:00Z', null, now)).toBe(10_000);
    expect(elapsed(null, null, now)).toBeNull();
  });

  it('groups thousands', () => {
    expect(formatInt(34634)).toBe('34,634');
  });

  it('counts an ETA down from when it was read, and says when it is unknown', () => {
    const readAt = 1_000_000;
    expect(formatEta(65, readAt, readAt)).toBe('about 1 m 05 s left');
    expect(formatEta(65, readAt, readAt + 5_000)).toBe('about 1 m 00 s left');
    expect(formatEta(3, readAt, readAt + 10_000)).toBe('less than 1 s left');
    expect(formatEta(null, readAt, readAt)).toBe('—');
    expect(formatEta(undefined, readAt, readAt)).toBe('—');
  });
});
