import { describe, expect, it } from 'vitest';
import { createSecret, fingerprint, hashSecret } from './secrets.js';

describe('secrets and fingerprints', () => {
  // Stores keep fingerprints of idempotent submissions, so a retry after
  // an upgrade must hash to the same value: these were computed by the
  // first implementation and must never change.
  it('fingerprints exactly as the first implementation did', () => {
    const submission = {
      input: {
        subject: 'VPN drops',
        requester: { email: 'a@example.com', name: undefined },
        tags: ['b', 'a'],
        fields: { z: 1, a: true, m: 'x' },
      },
      actor: 'requester',
    };
    expect(fingerprint(submission)).toBe(
      '1f45707149a4cb56a5e0a0d2131b0afc27885686173baa0b2b5cf67fce81c60f',
    );
    const mixed = [1, 'two', null, { '': 0, é: 'ü', 10: 'ten', 9: 'nine' }];
    expect(fingerprint([...mixed, [], {}])).toBe(
      '29d8639fa1656abfca071ae0473e6c7eeca5e8d88b8a426212c6b0e7525491ed',
    );
  });

  it('ignores key order and undefined members', () => {
    expect(fingerprint({ a: 1, b: { c: 2, d: undefined } })).toBe(
      fingerprint({ b: { c: 2 }, a: 1 }),
    );
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });

  it('hashes a secret to the hex SHA-256 stored for it', () => {
    expect(hashSecret('tka_example')).toBe(
      '9cced34166ac796c52bd7f060e243095e7185088c51b8b20fb02f5ffc6ca72c9',
    );
    const secret = createSecret('tkr_');
    expect(secret).toMatch(/^tkr_[\w-]{43}$/);
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
  });
});
