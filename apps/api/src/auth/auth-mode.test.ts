/** SADDLE_AUTH: the three modes, and a refusal naming them for anything else (it used to mean `auto`). */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../test-utils/server.js';
import { parseAuthMode } from './auth-mode.js';

const previous = process.env.SADDLE_AUTH;
afterEach(() => {
  if (previous === undefined) delete process.env.SADDLE_AUTH;
  else process.env.SADDLE_AUTH = previous;
});

describe('parseAuthMode', () => {
  it('reads auto, required and off (any case); unset or empty is auto', () => {
    expect(parseAuthMode(undefined)).toBe('auto');
    expect(parseAuthMode('')).toBe('auto');
    expect(parseAuthMode('required')).toBe('required');
    expect(parseAuthMode(' OFF ')).toBe('off');
    expect(parseAuthMode('auto')).toBe('auto');
  });

  it('refuses anything else, naming the variable and the allowed values', () => {
    expect(() => parseAuthMode('requird')).toThrow('SADDLE_AUTH="requird" is not an auth mode; allowed: auto, required, off');
  });
});

describe('the server with a bad SADDLE_AUTH', () => {
  it('does not start (a typo must not quietly serve without tokens)', async () => {
    process.env.SADDLE_AUTH = 'yes';
    await expect(startTestServer()).rejects.toThrow(/SADDLE_AUTH="yes" is not an auth mode; allowed: auto, required, off/);
  });
});
