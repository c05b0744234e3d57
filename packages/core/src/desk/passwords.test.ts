import { describe, expect, it } from 'vitest';
import { createLockout } from './lockout.js';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  verifierParams,
  verifyPassword,
} from './passwords.js';

const FAST = { ln: 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('are PHC-style scrypt strings with a salt of their own', async () => {
    const a = await hashPassword('correct horse battery', FAST);
    const b = await hashPassword('correct horse battery', FAST);
    expect(a).toMatch(
      /^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
    expect(verifierParams(a)).toEqual(FAST);
  });

  it('verify the password they were made from, and nothing else', async () => {
    const verifier = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', verifier)).toBe(true);
    expect(await verifyPassword('correct horse batterY', verifier)).toBe(false);
    expect(await verifyPassword('', verifier)).toBe(false);
  });

  it('normalise to NFC, so composed and decomposed letters match', async () => {
    const verifier = await hashPassword('caf\u00e9 au lait 42', FAST);
    expect(await verifyPassword('cafe\u0301 au lait 42', verifier)).toBe(true);
  });

  it('never match a malformed or out-of-bounds verifier', async () => {
    const good = await hashPassword('correct horse battery', FAST);
    const cases = [
      '',
      'plain',
      good.replace('ln=10', 'ln=25'),
      good.replace('ln=10', 'ln=9'),
      good.replace('$scrypt$', '$argon2id$'),
      good.slice(0, -1),
    ];
    for (const verifier of cases) {
      expect(await verifyPassword('correct horse battery', verifier)).toBe(
        false,
      );
    }
  });

  it('work at the default cost (N = 2^17, r = 8, p = 1: 128 MiB)', async () => {
    const verifier = await hashPassword('correct horse battery');
    expect(verifier.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
    expect(verifierParams(verifier)).toEqual(DEFAULT_SCRYPT);
    expect(await verifyPassword('correct horse battery', verifier)).toBe(true);
  });

  it('refuse to hash with parameters out of bounds', async () => {
    await expect(hashPassword('x', { ln: 21, r: 8, p: 1 })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('sign-in lockout', () => {
  it('locks after the free attempts, doubling up to the longest lock', () => {
    let at = 0;
    const lockout = createLockout(
      { freeAttempts: 3, lockMs: 1000, maxLockMs: 5000 },
      () => at,
    );
    expect(lockout.fail('a')).toBe(0);
    expect(lockout.fail('a')).toBe(0);
    expect(lockout.fail('a')).toBe(1000);
    expect(lockout.waitFor('a')).toBe(1000);
    expect(lockout.waitFor('b')).toBe(0);
    at += 1000;
    expect(lockout.waitFor('a')).toBe(0);
    expect(lockout.fail('a')).toBe(2000);
    at += 2000;
    expect(lockout.fail('a')).toBe(4000);
    at += 4000;
    expect(lockout.fail('a')).toBe(5000);
    at += 5000;
    lockout.succeed('a');
    expect(lockout.fail('a')).toBe(0);
  });

  it('forgets failures older than the longest lock', () => {
    let at = 0;
    const lockout = createLockout(
      { freeAttempts: 2, lockMs: 100, maxLockMs: 1000 },
      () => at,
    );
    lockout.fail('a');
    at += 1000;
    expect(lockout.fail('a')).toBe(0);
    expect(lockout.size).toBe(1);
  });

  it('holds at most maxEntries accounts, forgetting the oldest', () => {
    const lockout = createLockout({ maxEntries: 3 }, () => 0);
    for (const key of ['a', 'b', 'c', 'd', 'e']) lockout.fail(key);
    expect(lockout.size).toBe(3);
    lockout.fail('c');
    lockout.fail('f');
    expect(lockout.size).toBe(3);
    // 'c' was used again, so 'd' went before it.
    for (let i = 0; i < 3; i++) lockout.fail('c');
    expect(lockout.waitFor('c')).toBeGreaterThan(0);
  });
});
