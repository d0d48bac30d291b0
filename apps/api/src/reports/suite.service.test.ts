/** A suite's status from its experiments' (the worst outcome once all ended). */
import { describe, expect, it } from 'vitest';
import { suiteStatus } from './suite.service.js';

describe('suiteStatus', () => {
  it('is QUEUED until one starts, RUNNING while any is live, then FAILED over CANCELLED over SUCCEEDED', () => {
    expect(suiteStatus(['QUEUED', 'QUEUED'])).toBe('QUEUED');
    expect(suiteStatus(['QUEUED', 'RUNNING'])).toBe('RUNNING');
    expect(suiteStatus(['SUCCEEDED', 'ANALYZING'])).toBe('RUNNING');
    expect(suiteStatus(['SUCCEEDED', 'QUEUED'])).toBe('RUNNING');
    expect(suiteStatus(['SUCCEEDED', 'CANCELLED', 'FAILED'])).toBe('FAILED');
    expect(suiteStatus(['SUCCEEDED', 'CANCELLED'])).toBe('CANCELLED');
    expect(suiteStatus(['SUCCEEDED', 'SUCCEEDED'])).toBe('SUCCEEDED');
  });
});
