import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { TicketStore } from '../store/types.js';
import { type AccessOptions, recordKey } from './access-options.js';
import { createDesk } from './desk.js';
import { hashSecret } from './secrets.js';

const MINUTE = 60_000;
const PASSWORD = 'correct horse battery';
const FAST = { ln: 10, r: 8, p: 1 };

async function staffed(access: AccessOptions = {}, store?: TicketStore) {
  const clock = createManualClock('2024-05-01T09:00:00Z');
  const desk = createDesk({
    store: store ?? createMemoryStore(),
    clock,
    access: { passwordHashing: FAST, ...access },
  });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    email: 'Ada@Example.com',
    role: 'agent',
  });
  await desk.setAgentPassword('ada', PASSWORD);
  return { clock, desk, store: desk.store };
}

describe('agent passwords', () => {
  it('are stored as a scrypt verifier, never as given', async () => {
    const { store } = await staffed();
    const record = await store.findCredential(
      recordKey('password', 'default', 'ada'),
    );
    expect(record).toMatchObject({ agentId: 'ada', kind: 'password' });
    expect(record?.verifier).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(JSON.stringify(record)).not.toContain(PASSWORD);
  });

  it('need 12 to 256 characters and an agent', async () => {
    const { desk } = await staffed();
    for (const password of ['short', 'x'.repeat(257)]) {
      await expect(
        desk.setAgentPassword('ada', password),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { path: ['password'] },
      });
    }
    await expect(
      desk.setAgentPassword('nobody', PASSWORD),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('are rehashed at sign-in when the desk asks for another cost', async () => {
    const { store } = await staffed();
    const clock = createManualClock('2024-05-01T10:00:00Z');
    const stronger = createDesk({
      store,
      clock,
      access: { passwordHashing: { ln: 11, r: 8, p: 1 } },
    });
    await stronger.signIn('ada@example.com', PASSWORD);
    const record = await store.findCredential(
      recordKey('password', 'default', 'ada'),
    );
    expect(record?.verifier).toMatch(/^\$scrypt\$ln=11,/);
    expect((await stronger.signIn('ada@example.com', PASSWORD)).agent.id).toBe(
      'ada',
    );
  });
});

describe('console sessions', () => {
  it('open with the right email (any case) and password, stored hashed', async () => {
    const { desk, store } = await staffed();
    const session = await desk.signIn('ADA@example.com', PASSWORD);
    expect(session.token).toMatch(/^tks_[\w-]{43}$/);
    expect(session.agent.id).toBe('ada');
    expect(session.expiresAt).toBe('2024-05-01T21:00:00.000Z');
    expect(session.idleTimeoutMs).toBe(120 * MINUTE);
    const stored = await store.findCredential(hashSecret(session.token));
    expect(stored).toMatchObject({
      kind: 'session',
      agentId: 'ada',
      expiresAt: session.expiresAt,
      lastUsedAt: '2024-05-01T09:00:00.000Z',
    });
    const check = await desk.authenticateSession(session.token);
    expect(check.ok && check.agent.id).toBe('ada');
  });

  it('refuse a wrong password and an unknown email with the same error', async () => {
    const { desk } = await staffed();
    const wrong = await desk.signIn('ada@example.com', 'wrong password!!').then(
      () => null,
      (e) => e,
    );
    const unknown = await desk.signIn('eve@example.com', PASSWORD).then(
      () => null,
      (e) => e,
    );
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(wrong.message).toBe(unknown.message);
  });

  it('are not API keys, and API keys are not sessions', async () => {
    const { desk } = await staffed();
    const { token } = await desk.signIn('ada@example.com', PASSWORD);
    const key = await desk.createApiKey('ada');
    expect(await desk.authenticateAgent(token)).toBeNull();
    expect(await desk.authenticateAgent(`tka_${token.slice(4)}`)).toBeNull();
    expect((await desk.authenticateSession(key)).ok).toBe(false);
    expect(await desk.authenticateAgent(key)).toMatchObject({ id: 'ada' });
  });

  it('end after the idle timeout, and each use moves it on', async () => {
    const { clock, desk } = await staffed({ sessionIdleMs: 30 * MINUTE });
    const { token } = await desk.signIn('ada@example.com', PASSWORD);
    for (let i = 0; i < 5; i++) {
      clock.advance(20 * MINUTE);
      expect((await desk.authenticateSession(token)).ok).toBe(true);
    }
    clock.advance(30 * MINUTE);
    expect(await desk.authenticateSession(token)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('end at their lifetime however busy', async () => {
    const { clock, desk } = await staffed({
      sessionLifetimeMs: 60 * MINUTE,
      sessionIdleMs: 30 * MINUTE,
    });
    const { token } = await desk.signIn('ada@example.com', PASSWORD);
    for (const step of [25 * MINUTE, 25 * MINUTE, 10 * MINUTE - 1]) {
      clock.advance(step);
      expect((await desk.authenticateSession(token)).ok).toBe(true);
    }
    clock.advance(1);
    expect(await desk.authenticateSession(token)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('end at sign-out, one session only', async () => {
    const { desk } = await staffed();
    const a = await desk.signIn('ada@example.com', PASSWORD);
    const b = await desk.signIn('ada@example.com', PASSWORD);
    expect(await desk.signOut(a.token)).toBe(true);
    expect(await desk.authenticateSession(a.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect((await desk.authenticateSession(b.token)).ok).toBe(true);
    expect(await desk.signOut('tks_unknown')).toBe(false);
  });

  it('end when the password changes or the agent leaves', async () => {
    const { desk } = await staffed();
    const before = await desk.signIn('ada@example.com', PASSWORD);
    await desk.setAgentPassword('ada', 'a new long password');
    expect(await desk.authenticateSession(before.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    await expect(desk.signIn('ada@example.com', PASSWORD)).rejects.toThrow();
    const after = await desk.signIn('ada@example.com', 'a new long password');
    expect((await desk.authenticateSession(after.token)).ok).toBe(true);
    await desk.createAgent({
      id: 'ada',
      name: 'Ada',
      email: 'ada@example.com',
      role: 'agent',
      active: false,
    });
    expect((await desk.authenticateSession(after.token)).ok).toBe(false);
    await expect(
      desk.signIn('ada@example.com', 'a new long password'),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('slow an account down after 5 failures, even for the right password', async () => {
    const { clock, desk } = await staffed();
    for (let i = 0; i < 5; i++) {
      await expect(
        desk.signIn('ada@example.com', `wrong password ${i}`),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expect(
      desk.signIn('Ada@example.com', PASSWORD),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 60 },
    });
    // Unknown addresses are slowed down alike, so the lock tells nothing.
    for (let i = 0; i < 5; i++) {
      await desk.signIn('eve@example.com', `x${i}`).catch(() => {});
    }
    await expect(desk.signIn('eve@example.com', 'x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    clock.advance(MINUTE);
    await expect(
      desk.signIn('ada@example.com', 'wrong again!!'),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      desk.signIn('ada@example.com', PASSWORD),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 120 },
    });
    clock.advance(2 * MINUTE);
    expect((await desk.signIn('ada@example.com', PASSWORD)).agent.id).toBe(
      'ada',
    );
  });

  it('of one site are refused on another site sharing the store', async () => {
    const { desk, store } = await staffed();
    const { token } = await desk.signIn('ada@example.com', PASSWORD);
    const other = createDesk({
      store,
      siteId: 'other',
      access: { passwordHashing: FAST },
    });
    expect((await other.authenticateSession(token)).ok).toBe(false);
    await expect(other.signIn('ada@example.com', PASSWORD)).rejects.toThrow();
    expect(await other.signOut(token)).toBe(false);
    expect((await desk.authenticateSession(token)).ok).toBe(true);
  });
});
