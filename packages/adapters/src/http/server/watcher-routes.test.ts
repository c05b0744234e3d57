import { createWatchers, type Desk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './identity.js';
import { startServer, type TestServer } from './test-setup.js';

const SECRET = 'watcher-routes-identity-secret-0123456';

describe('watcher routes refuse what should not be', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer({
      identity: { secret: SECRET },
      servicesFor: (desk: Desk) => ({
        people: {
          watchers: createWatchers(desk, {
            ownAddresses: ['help@desk.example'],
          }),
        },
      }),
    });
  });
  afterAll(() => t.close());

  const add = (id: string, email: string) =>
    t.call(`/tickets/${id}/watchers`, { token: t.keys.agent, body: { email } });
  const remove = (id: string, email: string, token: string) =>
    t.call(`/tickets/${id}/watchers?email=${encodeURIComponent(email)}`, {
      method: 'DELETE',
      token,
    });

  it('refuses the desk’s own and mail-system addresses with 422 WATCHER_REFUSED', async () => {
    const { id } = await t.submit();
    for (const email of [
      'help@desk.example',
      'MAILER-DAEMON@mx.example',
      'noreply@shop.example',
    ]) {
      const response = await add(id, email);
      expect(response.status).toBe(422);
      expect((await response.json()).error.code).toBe('WATCHER_REFUSED');
    }
  });

  it('refuses watchers on a cancelled ticket with 409 TRANSITION_NOT_ALLOWED', async () => {
    const { id } = await t.submit();
    await t.desk.execute(
      id,
      { type: 'cancel', reason: 'withdrawn' },
      { actor: { role: 'supervisor', id: 'sam' } },
    );
    const response = await add(id, 'lin@example.com');
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('answers a requester token 403 for an address that does not watch its ticket, without an id', async () => {
    const { id, token } = await t.submit();
    await t.submit({ requester: { email: 'kim@example.com' } });
    for (const email of ['kim@example.com', 'nobody@example.com']) {
      const response = await remove(id, email, token);
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.error.code).toBe('FORBIDDEN');
      expect(JSON.stringify(body)).not.toContain('requesterId');
    }
    expect((await add(id, 'lin@example.com')).status).toBe(201);
    const removed = await remove(id, 'lin@example.com', token);
    expect(removed.status).toBe(200);
    expect((await removed.json()).changed).toBe(true);
  });

  it('tells a requester token used on another ticket and a person not watching what is wrong', async () => {
    const mine = await t.submit();
    const other = await t.submit();
    expect((await add(other.id, 'lin@example.com')).status).toBe(201);
    const wrongTicket = await remove(other.id, 'grace@example.com', mine.token);
    expect(wrongTicket.status).toBe(403);
    expect((await wrongTicket.json()).error.message).toContain(
      'another ticket',
    );

    const lin = await signIdentity(
      {
        userId: 'u-lin',
        email: 'lin@example.com',
        expiresAt: new Date(Date.now() + 3.6e6),
      },
      SECRET,
    );
    const notWatching = await remove(mine.id, 'lin@example.com', lin);
    expect(notWatching.status).toBe(404);
    expect((await notWatching.json()).error.message).toBe(
      'you do not watch this ticket',
    );
    expect((await remove(other.id, 'lin@example.com', lin)).status).toBe(200);
  });
});
