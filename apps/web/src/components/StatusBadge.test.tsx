import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar, StatusBadge } from './StatusBadge';

describe('StatusBadge', () => {
  it('shows a CRASHED run as crashed, styled by its own class, with what it means on hover', () => {
    render(<StatusBadge status="CRASHED" />);
    const badge = screen.getByText('crashed');
    expect(badge.className).toBe('badge CRASHED');
    expect(badge.getAttribute('data-status')).toBe('CRASHED');
    expect(badge.getAttribute('title')).toMatch(/stopped sending anything .* resume/);
  });

  it('has no hint for a state whose name says it', () => {
    render(<StatusBadge status="SUCCEEDED" />);
    expect(screen.getByText('succeeded').getAttribute('title')).toBeNull();
  });
});

describe('ProgressBar', () => {
  it('is green only for a complete bar that succeeded (or has no status)', () => {
    const { container } = render(
      <>
        <ProgressBar value={1} status="SUCCEEDED" label="a" />
        <ProgressBar value={1} label="b" />
        <ProgressBar value={0.4} status="RUNNING" label="c" />
      </>,
    );
    const bars = container.querySelectorAll('.progress');
    expect([...bars].map((b) => b.className)).toEqual(['progress done', 'progress done', 'progress']);
  });

  it('shows how far a cancelled run got in grey and a failed one in red, never the green of success', () => {
    render(
      <>
        <ProgressBar value={0.35} status="CANCELLED" label="cancelled run" />
        <ProgressBar value={1} status="FAILED" label="failed run" />
      </>,
    );
    const cancelled = screen.getByRole('progressbar', { name: 'cancelled run' });
    expect(cancelled.className).toBe('progress stopped');
    expect(cancelled.getAttribute('aria-valuenow')).toBe('35');
    expect(cancelled.getAttribute('aria-valuetext')).toBe('35%, cancelled');
    expect(screen.getByRole('progressbar', { name: 'failed run' }).className).toBe('progress failed');
  });
});
