import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors';

describe('fieldErrors', () => {
  it('maps BAD_USER_INPUT paths to the field they name', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('optimizer.lr must be positive', { extensions: { code: 'BAD_USER_INPUT', path: ['input', 'overrides', 'optimizer.lr'], allowed: 'a number > 0' } }),
        new GraphQLError('unknown preset', { extensions: { code: 'BAD_USER_INPUT', path: ['input', 'preset'], allowed: ['fit-function', 'train-cnn'] } }),
        new GraphQLError('boom', { extensions: { code: 'INTERNAL' } }),
      ],
    });
    expect(fieldErrors(error)).toEqual({
      byField: {
        'optimizer.lr': 'optimizer.lr must be positive (expected a number > 0)',
        preset: 'unknown preset (one of: fit-function, train-cnn)',
      },
      general: ['boom'],
    });
  });

  it('does not repeat an expectation the message already states', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('optimizer.lr: must be a positive learning rate, got -1', { extensions: { path: ['input', 'overrides', 'optimizer.lr'], allowed: 'must be a positive learning rate' } })],
    });
    expect(fieldErrors(error).byField['optimizer.lr']).toBe('optimizer.lr: must be a positive learning rate, got -1');
  });

  it('reports network errors as general', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(fieldErrors(error).general[0]).toMatch(/Cannot reach the API: Failed to fetch/);
  });
});
