import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from './StatusBadge';

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
