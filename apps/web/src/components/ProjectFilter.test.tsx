import { fireEvent, render, screen } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { ProjectFilter } from './ProjectFilter';

function clientAnswering(projects: { name: string; experimentCount: number }[]): Client {
  return { executeQuery: () => fromValue({ data: { projects } }) } as unknown as Client;
}

describe('ProjectFilter', () => {
  it('offers every project with its experiment count and reports the choice', () => {
    const onChange = vi.fn();
    render(
      <Provider value={clientAnswering([{ name: 'mnist', experimentCount: 3 }, { name: 'audio', experimentCount: 1 }])}>
        <ProjectFilter value="" onChange={onChange} />
      </Provider>,
    );
    const select = screen.getByLabelText('Filter by project') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['any', 'mnist (3)', 'audio (1)']);
    fireEvent.change(select, { target: { value: 'audio' } });
    expect(onChange).toHaveBeenCalledWith('audio');
  });

  it('shows nothing while there are no projects', () => {
    const { container } = render(
      <Provider value={clientAnswering([])}>
        <ProjectFilter value="" onChange={() => undefined} />
      </Provider>,
    );
    expect(container.innerHTML).toBe('');
  });
});
