import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import type { AccessToken, Credential } from '../schemas/people.js';
import { check, checkEqual } from './assert.js';
import type { ConformanceCheck } from './harness.js';

const AT = '2024-01-01T00:00:00.000Z';

/**
 * Credentials and access tokens carry optional state (expiry,
 * revocation generation, kind, a password verifier): stores keep it as
 * given, and a desk's tokens, passwords and sessions work on top.
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
  {
    area: 'secrets',
    name: 'a desk on the store expires and revokes requester tokens and signs agents in and out',
    async run({ store }) {
      const clock = createManualClock(AT);
      const desk = createDesk({
        store,
        clock,
        siteId: 'site-a',
        access: {
          accessTokenLifetimeMs: 60_000,
          passwordHashing: { ln: 10, r: 8, p: 1 },
        },
      });
      const { ticket } = await desk.submit({
        subject: 'Locked out',
        description: 'Cannot sign in.',
        requester: { email: 'ada@example.com' },
      });
      const old = await desk.createAccessToken(ticket.id);
      await desk.revokeAccessTokens(ticket.id);
      const fresh = await desk.createAccessToken(ticket.id);
      const oldCheck = await desk.checkAccessToken(old);
      check(
        !oldCheck.ok && oldCheck.reason === 'revoked',
        `a revoked token still opens its ticket: ${JSON.stringify(oldCheck)}`,
      );
      check(
        (await desk.verifyAccessToken(fresh)) === ticket.id,
        'a token made after the revocation is refused',
      );
      clock.advance(60_000);
      const late = await desk.checkAccessToken(fresh);
      check(
        !late.ok && late.reason === 'expired',
        `an expired token still opens its ticket: ${JSON.stringify(late)}`,
      );

      await desk.createAgent({
        id: 'ada',
        name: 'Ada',
        email: 'ada@example.com',
        role: 'agent',
      });
      await desk.setAgentPassword('ada', 'correct horse battery');
      const { token } = await desk.signIn(
        'ada@example.com',
        'correct horse battery',
      );
      check(
        (await desk.authenticateSession(token)).ok,
        'a new session is refused',
      );
      await desk.signOut(token);
      check(
        !(await desk.authenticateSession(token)).ok,
        'a session still works after sign-out',
      );
    },
  },
];
