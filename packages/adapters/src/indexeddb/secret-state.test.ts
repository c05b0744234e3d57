import 'fake-indexeddb/auto';
import { createDesk, createManualClock } from '@ticketry/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from './index.js';

describe('a desk on the IndexedDB store', () => {
  it('expires and revokes requester tokens and ends sessions, after a reopen too', async () => {
    const factory = new IDBFactory();
    const open = () =>
      indexedDbStore({ name: 'secrets', indexedDB: factory, IDBKeyRange });
    const clock = createManualClock('2024-05-01T09:00:00Z');
    const access = {
      accessTokenLifetimeMs: 60_000,
      passwordHashing: { ln: 10, r: 8, p: 1 },
    };
    const store = open();
    const desk = createDesk({ store, clock, access });
    const { ticket } = await desk.submit({
      subject: 'VPN',
      description: 'Drops.',
      requester: { email: 'ada@example.com' },
    });
    const old = await desk.createAccessToken(ticket.id);
    await desk.revokeAccessTokens(ticket.id);
    const fresh = await desk.createAccessToken(ticket.id);
    await desk.createAgent({
      id: 'sam',
      name: 'Sam',
      email: 'sam@example.com',
      role: 'supervisor',
    });
    await desk.setAgentPassword('sam', 'correct horse battery');
    const { token } = await desk.signIn(
      'sam@example.com',
      'correct horse battery',
    );
    await desk.signOut(token);
    await store.close();

    const again = createDesk({ store: open(), clock, access });
    expect(await again.checkAccessToken(old)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(await again.verifyAccessToken(fresh)).toBe(ticket.id);
    expect(await again.authenticateSession(token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    clock.advance(60_000);
    expect((await again.checkAccessToken(fresh)).ok).toBe(false);
    await again.store.close();
  });
});
