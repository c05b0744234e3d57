import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { createManualClock } from '../clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createDesk } from './desk.js';
import { rebuildTicket } from './rebuild.js';
import { hashSecret } from './secrets.js';
import { listSecurityLog } from './security-log.js';

const PASSWORD = 'correct horse battery';

async function staffedDesk() {
  const clock = createManualClock('2024-05-01T09:00:00Z');
  const desk = createDesk({
    store: createMemoryStore(),
    clock,
    access: { passwordHashing: { ln: 10, r: 8, p: 1 } },
  });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    email: 'ada@example.com',
    role: 'agent',
  });
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'Every hour.',
    requester: { email: 'grace@example.com' },
  });
  return { clock, desk, ticketId: ticket.id };
}

describe('revoking a ticket’s access tokens', () => {
  it('is an audited event of the ticket, by its actor, with no secret in it', async () => {
    const { clock, desk, ticketId } = await staffedDesk();
    const token = await desk.createAccessToken(ticketId);
    clock.advance(60_000);
    const actor = { role: 'agent' as const, id: 'ada' };
    const revocation = await desk.revokeAccessTokens(ticketId, actor);
    expect((await desk.checkAccessToken(token)).ok).toBe(false);

    const events = await desk.events(ticketId);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      type: 'ticket.access_revoked',
      actor,
      at: revocation.revokedAt,
      changes: {},
      data: { generation: 1, revokedAt: revocation.revokedAt },
    });
    const text = JSON.stringify(last);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashSecret(token));

    const ticket = await desk.get(ticketId);
    expect(ticket?.version).toBe(2);
    expect(rebuildTicket(events)).toEqual(ticket);
    expect((await verifyAudit(desk.store, desk.siteId, ticketId)).ok).toBe(
      true,
    );
  });

  it('is recorded by the system when no actor is named, once per revocation', async () => {
    const { desk, ticketId } = await staffedDesk();
    await desk.revokeAccessTokens(ticketId);
    await desk.revokeAccessTokens(ticketId);
    const revoked = (await desk.events(ticketId)).filter(
      (e) => e.type === 'ticket.access_revoked',
    );
    expect(revoked.map((e) => e.data?.generation)).toEqual([1, 2]);
    expect(revoked[0]?.actor.role).toBe('system');
  });
});

describe('the security log', () => {
  it('keeps sign-outs and session revocations of agents, oldest first, without secrets', async () => {
    const { clock, desk } = await staffedDesk();
    await desk.setAgentPassword('ada', PASSWORD);
    clock.advance(1_000);
    const { token } = await desk.signIn('ada@example.com', PASSWORD);
    clock.advance(1_000);
    expect(await desk.signOut(token)).toBe(true);
    clock.advance(1_000);
    await desk.setAgentPassword('ada', `${PASSWORD}!`);

    const log = await listSecurityLog(desk.store, desk.siteId);
    expect(log.map((r) => r.value)).toEqual([
      {
        type: 'sessions.revoked',
        agentId: 'ada',
        at: '2024-05-01T09:00:00.000Z',
      },
      {
        type: 'session.signed_out',
        agentId: 'ada',
        at: '2024-05-01T09:00:02.000Z',
      },
      {
        type: 'sessions.revoked',
        agentId: 'ada',
        at: '2024-05-01T09:00:03.000Z',
      },
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashSecret(token));
    expect(await listSecurityLog(desk.store, 'other-site')).toEqual([]);
  });
});
