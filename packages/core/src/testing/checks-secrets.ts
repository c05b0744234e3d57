import type { AccessToken, Credential } from '../schemas/people.js';
import { checkEqual } from './assert.js';
import type { ConformanceCheck } from './harness.js';

const AT = '2024-01-01T00:00:00.000Z';

/**
 * Credentials and access tokens carry optional state (expiry,
 * revocation generation, kind, a password verifier): stores keep it as
 * given, which is all a desk's expiring, revocable tokens and sessions
 * need (docs/security.md, "Access"). No desk runs here: hashing secrets
 * needs Node, and the suite runs in browsers too.
 */
export const secretChecks: ConformanceCheck[] = [
  {
    area: 'secrets',
    name: 'credentials and tokens keep their optional keys, and a replacing put drops the ones it lacks',
    async run({ store }) {
      const session: Credential = {
        siteId: 'site-a',
        agentId: 'a1',
        hash: 's1',
        createdAt: AT,
        kind: 'session',
        expiresAt: '2024-01-01T12:00:00.000Z',
        lastUsedAt: AT,
        generation: 2,
      };
      const password: Credential = {
        siteId: 'site-a',
        agentId: 'a1',
        hash: 'p1',
        createdAt: AT,
        kind: 'password',
        verifier: '$scrypt$ln=10,r=8,p=1$c2FsdA$a2V5',
      };
      const token: AccessToken = {
        siteId: 'site-a',
        ticketId: 't1',
        hash: 'r1',
        createdAt: AT,
        expiresAt: '2024-04-01T00:00:00.000Z',
        generation: 1,
      };
      const revocation: AccessToken = {
        siteId: 'site-a',
        ticketId: 't1',
        hash: 'r2',
        createdAt: AT,
        revokedAt: '2024-02-01T00:00:00.000Z',
        generation: 3,
      };
      for (const c of [session, password]) await store.putCredential(c);
      for (const t of [token, revocation]) await store.putAccessToken(t);
      checkEqual(await store.findCredential('s1'), session, 'session');
      checkEqual(await store.findCredential('p1'), password, 'password');
      checkEqual(await store.findAccessToken('r1'), token, 'token');
      checkEqual(await store.findAccessToken('r2'), revocation, 'revocation');

      const touched = { ...session, lastUsedAt: '2024-01-01T01:00:00.000Z' };
      await store.putCredential(touched);
      checkEqual(await store.findCredential('s1'), touched, 'replaced session');
      const plain = {
        siteId: 'site-a',
        agentId: 'a1',
        hash: 's1',
        createdAt: AT,
      };
      await store.putCredential(plain);
      checkEqual(await store.findCredential('s1'), plain, 'session put bare');
      const bare = {
        siteId: 'site-a',
        ticketId: 't1',
        hash: 'r1',
        createdAt: AT,
      };
      await store.putAccessToken(bare);
      checkEqual(await store.findAccessToken('r1'), bare, 'token put bare');
    },
  },
];
