import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadInputError, createErrorFormatter, ErrorCode, NotFoundError } from './errors.js';

describe('createErrorFormatter', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter({ error: (_message, error) => logged.push(error) });

  it('passes Saddle errors through with their code, path and allowed values', () => {
    const error = new BadInputError('bad lr', ['input', 'spec', 'optimizer', 'lr'], 'a number > 0');
    const wrapped = new GraphQLError(error.message, { originalError: error, path: ['launchExperiment'] });
    expect(format({ message: error.message, path: ['launchExperiment'] }, wrapped)).toMatchObject({
      message: 'bad lr',
      extensions: { code: ErrorCode.BAD_USER_INPUT, path: ['input', 'spec', 'optimizer', 'lr'], allowed: 'a number > 0' },
    });
    expect(new NotFoundError('Run', 'r1').extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Run', id: 'r1' });
  });

  it('logs internal errors and hides their message, stack and details', () => {
    const secret = new Error('SQLITE_CORRUPT at /home/me/.saddle/saddle.db');
    const wrapped = new GraphQLError(secret.message, { originalError: secret, path: ['experiments'] });
    const formatted = format({ message: secret.message, path: ['experiments'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } }, wrapped);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['experiments'], locations: undefined, extensions: { code: 'INTERNAL' } });
    expect(logged).toContain(secret);
  });
});
