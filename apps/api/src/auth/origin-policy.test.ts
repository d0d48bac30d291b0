/** The Origin/Host rules as a function (the real-server cases are in cross-site.test.ts). */
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createOriginPolicy, isLoopback, parseAllowedOrigins } from './origin-policy.js';

describe('parseAllowedOrigins (SADDLE_ALLOWED_ORIGINS)', () => {
  it('reads comma-separated origins, normalised', () => {
    expect(parseAllowedOrigins(' https://Lab.Example.org , http://10.0.0.5:8080/ ')).toEqual(['https://lab.example.org', 'http://10.0.0.5:8080']);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins('')).toEqual([]);
  });

  it('refuses what is not an origin, naming the variable and the entry', () => {
    expect(() => parseAllowedOrigins('lab.example.org')).toThrow('SADDLE_ALLOWED_ORIGINS: "lab.example.org" is not an origin');
    expect(() => parseAllowedOrigins('https://lab.example.org/dashboard')).toThrow(/"https:\/\/lab\.example\.org\/dashboard" is not an origin; expected http\(s\):\/\/host\[:port\] with no path/);
    expect(() => parseAllowedOrigins('ftp://lab.example.org')).toThrow(/is not an origin/);
  });
});

describe('createOriginPolicy', () => {
  it('knows loopback names, bracketed IPv6 included', () => {
    expect(['localhost', '127.0.0.1', '127.8.9.1', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', 'evil.example', '10.0.0.1'].some(isLoopback)).toBe(false);
  });

  it('without tokens on a wildcard bind (SADDLE_AUTH=off): this machine’s addresses, not other names', () => {
    const policy = createOriginPolicy({ host: '0.0.0.0', authRequired: false });
    const address = Object.values(networkInterfaces()).flat().find((entry) => entry?.family === 'IPv4')?.address ?? '127.0.0.1';
    expect(policy.refusal({ host: `${address}:4000` })).toBeUndefined();
    expect(policy.refusal({ host: 'evil.example:4000' })).toMatch(/Host "evil\.example:4000" is not a name of this server/);
    // Off loopback the `npm run dev` origins are not implied.
    expect(policy.refusal({ host: `${address}:4000`, origin: 'http://localhost:3000' })).toMatch(/Origin "http:\/\/localhost:3000" may not use this API/);
  });

  it('compares the Origin with the Host it addressed, ignoring case', () => {
    const policy = createOriginPolicy({ host: '127.0.0.1', authRequired: false });
    expect(policy.refusal({ host: 'LOCALHOST:4000', origin: 'http://localhost:4000' })).toBeUndefined();
    expect(policy.refusal({ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4001' })).toBeDefined();
    expect(policy.refusal({ host: '127.0.0.1:4000' })).toBeUndefined();
  });
});
