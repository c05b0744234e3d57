import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createDesk } from './desk.js';
import { hashSecret } from './secrets.js';

const DAY = 86_400_000;

async function deskWithTicket(accessTokenLifetimeMs?: number) {
  const clock = createManualClock('2024-05-01T09:00:00Z');
  const store = createMemoryStore();
  const desk = createDesk({
    store,
    clock,
    ...(accessTokenLifetimeMs && { access: { accessTokenLifetimeMs } }),
  });
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'Every hour.',
    requester: { email: 'ada@example.com' },
  });
  return { clock, store, desk, ticketId: ticket.id };
}

describe('requester access tokens', () => {
  it('are stored as a hash with their ticket and an expiry 90 days out', async () => {
    const { store, desk, ticketId } = await deskWithTicket();
    const issued = await desk.issueAccessToken(ticketId);
    expect(issued.token).toMatch(/^tkr_[\w-]{43}$/);
    expect(issued.expiresAt).toBe('2024-07-30T09:00:00.000Z');
    const stored = await store.findAccessToken(hashSecret(issued.token));
    expect(stored).toEqual({
      siteId: 'default',
      ticketId,
      hash: hashSecret(issued.token),
      createdAt: '2024-05-01T09:00:00.000Z',
      expiresAt: issued.expiresAt,
    });
    expect(JSON.stringify(stored)).not.toContain(issued.token);
  });

  it('open their ticket until they expire, then answer expired', async () => {
    const { clock, desk, ticketId } = await deskWithTicket(10 * DAY);
    const token = await desk.createAccessToken(ticketId);
    clock.advance(10 * DAY - 1);
    expect(await desk.checkAccessToken(token)).toEqual({
      ok: true,
      ticketId,
      expiresAt: '2024-05-11T09:00:00.000Z',
    });
    clock.advance(1);
    expect(await desk.checkAccessToken(token)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await desk.verifyAccessToken(token)).toBeNull();
  });

  it('take a lifetime of their own when issued with one', async () => {
    const { clock, desk, ticketId } = await deskWithTicket();
    const { token } = await desk.issueAccessToken(ticketId, {
      lifetimeMs: 60_000,
    });
    clock.advance(60_000);
    expect((await desk.checkAccessToken(token)).ok).toBe(false);
    await expect(
      desk.issueAccessToken(ticketId, { lifetimeMs: 0 }),
    ).rejects.toThrow(TypeError);
  });

  it('made before expiry was stored live the desk lifetime from creation', async () => {
    const { clock, store, desk, ticketId } = await deskWithTicket(DAY);
    await store.putAccessToken({
      siteId: 'default',
      ticketId,
      hash: hashSecret('tkr_legacy'),
      createdAt: '2024-05-01T09:00:00.000Z',
    });
    expect((await desk.checkAccessToken('tkr_legacy')).ok).toBe(true);
    clock.advance(DAY);
    expect(await desk.checkAccessToken('tkr_legacy')).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('are all refused once revoked; tokens made after work', async () => {
    const { clock, desk, ticketId } = await deskWithTicket();
    const first = await desk.createAccessToken(ticketId);
    const second = await desk.createAccessToken(ticketId);
    const revoked = await desk.revokeAccessTokens(ticketId);
    expect(revoked).toEqual({
      ticketId,
      revokedAt: '2024-05-01T09:00:00.000Z',
      generation: 1,
    });
    for (const token of [first, second]) {
      expect(await desk.checkAccessToken(token)).toEqual({
        ok: false,
        reason: 'revoked',
      });
    }
    // Same instant as the revocation: the generation, not the clock, decides.
    const fresh = await desk.createAccessToken(ticketId);
    expect((await desk.checkAccessToken(fresh)).ok).toBe(true);
    clock.advance(1000);
    expect((await desk.revokeAccessTokens(ticketId)).generation).toBe(2);
    expect((await desk.checkAccessToken(fresh)).ok).toBe(false);
  });

  it('revoke per ticket: another ticket keeps its tokens', async () => {
    const { desk, ticketId } = await deskWithTicket();
    const { ticket: other } = await desk.submit({
      subject: 'Printer',
      description: 'Jams.',
      requester: { email: 'bo@example.com' },
    });
    const kept = await desk.createAccessToken(other.id);
    await desk.createAccessToken(ticketId);
    await desk.revokeAccessTokens(ticketId);
    expect(await desk.verifyAccessToken(kept)).toBe(other.id);
    await expect(desk.revokeAccessTokens('nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('of one site open nothing on another site sharing the store', async () => {
    const { store, desk, ticketId } = await deskWithTicket();
    const token = await desk.createAccessToken(ticketId);
    const other = createDesk({ store, siteId: 'other' });
    expect(await other.checkAccessToken(token)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    // Revoking on the other site cannot touch this site's tokens.
    await expect(other.revokeAccessTokens(ticketId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await desk.verifyAccessToken(token)).toBe(ticketId);
  });

  it('refuse what is not a token, without a look-up when the prefix is wrong', async () => {
    const { store, desk, ticketId } = await deskWithTicket();
    await desk.revokeAccessTokens(ticketId);
    for (const secret of ['', 'tka_x', `tkr_${'a'.repeat(300)}`, 'tkr_nope']) {
      expect((await desk.checkAccessToken(secret)).ok).toBe(false);
    }
    let lookups = 0;
    const counting = {
      ...store,
      findAccessToken: (hash: string) => {
        lookups += 1;
        return store.findAccessToken(hash);
      },
    };
    const counted = createDesk({ store: counting });
    await counted.checkAccessToken('tka_not-a-token');
    expect(lookups).toBe(0);
  });

  it('refuse bad desk settings at once', () => {
    const store = createMemoryStore();
    for (const access of [
      { accessTokenLifetimeMs: 0 },
      { sessionIdleMs: 1.5 },
      { sessionLifetimeMs: 500 * DAY },
      { passwordHashing: { ln: 30, r: 8, p: 1 } },
      { lockout: { freeAttempts: -1 } },
    ]) {
      expect(
        () => createDesk({ store, access }),
        JSON.stringify(access),
      ).toThrow(TypeError);
    }
  });
});
