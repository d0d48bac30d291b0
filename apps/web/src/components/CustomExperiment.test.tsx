import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { CustomExperiment } from './CustomExperiment';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const zoo = [
  { id: 'mlp-shallow', description: 'an MLP', data: 'function', parameters: 100 },
  { id: 'cnn-shallow', description: 'a CNN', data: 'image', parameters: 5000 },
];

/** A client answering the zoo query and recording each launch; `launchError` makes the launch fail with it. */
function client(launches: Record<string, unknown>[], launchError?: GraphQLError): Client {
  return {
    executeQuery: () => fromValue({ data: { modelZoo: zoo } }),
    executeMutation: (operation: { variables: { input: Record<string, unknown> } }) => {
      launches.push(operation.variables.input);
      return fromValue(launchError ? { operation, error: new CombinedError({ graphQLErrors: [launchError] }) } : { operation, data: { launchExperiment: { id: 'e-1' } } });
    },
  } as unknown as Client;
}

function layer(n: number) {
  return screen.getByRole('group', { name: `Layer ${n}` });
}

describe('CustomExperiment layer by layer', () => {
  it('adds, edits, reorders and removes layers and launches them as the spec’s model, output last', async () => {
    const launches: Record<string, unknown>[] = [];
    render(
      <Provider value={client(launches)}>
        <CustomExperiment onClose={() => undefined} header={<h2>New experiment</h2>} />
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'layer by layer' }));
    fireEvent.change(screen.getByLabelText('Data'), { target: { value: 'image' } });
    // Two dense layers to start; the first becomes a conv2d, a third (dense 12) is added and moved up.
    fireEvent.change(within(layer(1)).getByLabelText('Type'), { target: { value: 'conv2d' } });
    fireEvent.change(within(layer(1)).getByLabelText('Filters'), { target: { value: '4' } });
    fireEvent.change(within(layer(1)).getByLabelText('Activation'), { target: { value: 'tanh' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add a layer' }));
    fireEvent.change(within(layer(3)).getByLabelText(/^Units/), { target: { value: '12' } });
    fireEvent.click(within(layer(3)).getByRole('button', { name: 'Move layer 3 up' }));
    expect(within(layer(2)).getByLabelText(/^Units/)).toHaveProperty('value', '12');
    // The old second layer (dense 32), now third, goes.
    fireEvent.click(within(layer(3)).getByRole('button', { name: 'Remove layer 3' }));
    expect(screen.queryByRole('group', { name: 'Layer 3' })).toBeNull();
    expect(screen.getByText(/Output: dense 10 units/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Model name'), { target: { value: 'tiny-cnn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Launch' }));
    await waitFor(() => expect(launches).toHaveLength(1));
    expect((launches[0]!.spec as Record<string, unknown>).model).toEqual({
      name: 'tiny-cnn',
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'tanh' },
        { type: 'dense', units: 12, activation: 'relu' },
        { type: 'dense', units: 10, activation: 'linear' },
      ],
    });
    expect((launches[0]!.spec as Record<string, unknown>).data).toEqual({ kind: 'mnist' });
    await waitFor(() => expect(push).toHaveBeenCalledWith('/experiments/e-1'));
  });

  it('shows a count it refuses and the API’s error beside the layer they name', async () => {
    const launches: Record<string, unknown>[] = [];
    const refusal = new GraphQLError("does not fit the function input [1]: conv2d needs a rank-3 input", { extensions: { code: 'BAD_USER_INPUT', path: ['input', 'spec', 'model', 'layers', 0] } });
    render(
      <Provider value={client(launches, refusal)}>
        <CustomExperiment onClose={() => undefined} header={<h2>New experiment</h2>} />
      </Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'layer by layer' }));
    fireEvent.change(within(layer(2)).getByLabelText(/^Units/), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Launch' }));
    expect(within(layer(2)).getByText('must be a positive whole number, got "0"')).toBeTruthy();
    expect(launches).toHaveLength(0);

    fireEvent.change(within(layer(2)).getByLabelText(/^Units/), { target: { value: '8' } });
    fireEvent.change(within(layer(1)).getByLabelText('Type'), { target: { value: 'conv2d' } });
    fireEvent.click(screen.getByRole('button', { name: 'Launch' }));
    await waitFor(() => expect(launches).toHaveLength(1));
    expect(await within(layer(1)).findByText(/does not fit the function input \[1\]/)).toBeTruthy();
    // Shown beside its layer, not repeated as a loose error under the form.
    expect(screen.queryByText(/^spec\.model\.layers\.0:/)).toBeNull();
  });
});
