import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import { createMemoryStore } from '../store/memory-store.js';
import { sampleEvent, sampleTicket } from '../testing/fixtures.js';
import { eventHash, GENESIS_HASH } from './chain.js';
import { verifyAudit } from './verify.js';

const key = (id: string) => `default\u0000${id}`;

/** A desk with two worked tickets; `raw` reaches behind the store. */
async function workedDesk() {
  const env = await staffedDesk();
  const store = env.desk.store as ReturnType<typeof createMemoryStore>;
  const ada = { actor: env.staff.agent };
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const { ticket } = await env.desk.submit({
      subject: `Printer ${n} jams`,
      description: 'Tray 2 jams on every job.',
      requester: { email: `r${n}@example.com` },
    });
    await env.desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'service-desk' },
      ada,
    );
    await env.desk.assign(ticket.id, { assigneeId: 'ada' }, ada);
    await env.desk.reply(ticket.id, { body: 'On my way.' }, ada);
    ids.push(ticket.id);
  }
  const raw = {
    events: (id: string) => store.data.byTicket.get(key(id))!,
    ticket: (id: string) => store.data.tickets.get(key(id))!,
  };
  return { ...env, store, ids, raw };
}

describe('verifyAudit', () => {
  it('proves untouched histories: counts, no breaks, heads as on the tickets', async () => {
    const { desk, store, ids } = await workedDesk();
    const report = await verifyAudit(store, 'default');
    expect(report).toMatchObject({
      ok: true,
      tickets: 2,
      events: 8,
      unchainedEvents: 0,
      unchained: [],
      brokenTickets: 0,
      firstBroken: null,
    });
    for (const id of ids) {
      const ticket = (await desk.get(id))!;
      expect(report.heads).toContainEqual({
        ticketId: id,
        version: 4,
        hash: ticket.auditHash,
      });
      const events = await desk.events(id);
      expect(events[0]!.prevHash).toBe(GENESIS_HASH);
      expect(events[3]!.prevHash).toBe(events[2]!.hash);
    }
  });

  it('finds an event changed behind the store: hash_mismatch at its version', async () => {
    const { store, ids, raw } = await workedDesk();
    const reply = raw.events(ids[1]!)[3]!;
    (reply.data as { body: string }).body = 'I never said that.';
    const report = await verifyAudit(store, 'default');
    expect(report.ok).toBe(false);
    expect(report.brokenTickets).toBe(1);
    expect(report.firstBroken).toMatchObject({
      ticketId: ids[1],
      version: 4,
      reason: 'hash_mismatch',
    });
    expect(report.firstBroken!.message).toMatch(/changed after it was written/);
  });

  it('finds an event changed and rehashed: the next one no longer follows', async () => {
    const { store, ids, raw } = await workedDesk();
    const events = raw.events(ids[0]!);
    events[1]!.changes.impact = 'high';
    events[1]!.hash = await eventHash(events[1]!);
    const report = await verifyAudit(store, 'default', ids[0]);
    expect(report.firstBroken).toMatchObject({
      version: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('finds a removed event, and hashes stripped from the middle', async () => {
    const { store, ids, raw } = await workedDesk();
    raw.events(ids[0]!).splice(1, 1);
    const stripped = raw.events(ids[1]!)[2] as Partial<AuditEvent>;
    delete stripped.hash;
    delete stripped.prevHash;
    const report = await verifyAudit(store, 'default');
    expect(report.brokenTickets).toBe(2);
    expect(report.firstBroken).toMatchObject({
      ticketId: ids[0],
      version: 3,
      reason: 'version_gap',
    });
    const second = await verifyAudit(store, 'default', ids[1]);
    expect(second.firstBroken).toMatchObject({
      version: 3,
      reason: 'unchained_event',
    });
  });

  it('finds a ticket changed without an event, or whose head or version moved', async () => {
    const { store, ids, raw } = await workedDesk();
    raw.ticket(ids[0]!).status = 'closed';
    const first = await verifyAudit(store, 'default', ids[0]);
    expect(first.firstBroken).toMatchObject({
      version: null,
      reason: 'ticket_differs',
    });
    expect(first.firstBroken!.message).toMatch(/status differ/);

    raw.ticket(ids[1]!).auditHash = GENESIS_HASH;
    expect(
      (await verifyAudit(store, 'default', ids[1])).firstBroken?.reason,
    ).toBe('head_mismatch');
    raw.ticket(ids[1]!).version = 5;
    expect(
      (await verifyAudit(store, 'default', ids[1])).firstBroken?.reason,
    ).toBe('version_mismatch');
  });

  it('passes a history rewritten whole, unless its heads were anchored', async () => {
    const { store, ids, raw } = await workedDesk();
    const anchors = (await verifyAudit(store, 'default')).heads;
    let prev = GENESIS_HASH;
    for (const event of raw.events(ids[0]!)) {
      if (event.type === 'ticket.replied') {
        (event.data as { body: string }).body = 'Rewritten.';
      }
      event.prevHash = prev;
      event.hash = await eventHash(event);
      prev = event.hash;
    }
    raw.ticket(ids[0]!).auditHash = prev;
    expect((await verifyAudit(store, 'default')).ok).toBe(true);
    const anchored = await verifyAudit(store, 'default', null, { anchors });
    expect(anchored.firstBroken).toMatchObject({
      ticketId: ids[0],
      version: 4,
      reason: 'anchor_mismatch',
    });
  });

  it('reports an anchored ticket that is gone', async () => {
    const { store, ids, raw } = await workedDesk();
    const anchors = (await verifyAudit(store, 'default')).heads;
    store.data.tickets.delete(key(ids[1]!));
    raw.events(ids[1]!).length = 0;
    const report = await verifyAudit(store, 'default', null, { anchors });
    expect(report.tickets).toBe(1);
    expect(report.firstBroken).toMatchObject({
      ticketId: ids[1],
      reason: 'anchor_mismatch',
    });
  });

  it('counts events from before the chain as unchained, and chains on from there', async () => {
    const store = createMemoryStore();
    const old = sampleTicket({ siteId: 'default', status: 'open' });
    await store.createTicket({ ticket: old, event: sampleEvent(old) });
    const legacy = await verifyAudit(store, 'default');
    expect(legacy).toMatchObject({
      ok: true,
      unchainedEvents: 1,
      unchainedTickets: 1,
      unchained: [{ ticketId: old.id, ref: old.ref, before: 2 }],
      heads: [{ ticketId: old.id, version: 1, hash: null }],
    });

    const env = await staffedDesk({ store });
    await env.desk.cancel(
      old.id,
      { reason: 'duplicate' },
      {
        actor: env.staff.agent,
      },
    );
    const events = await env.desk.events(old.id);
    expect(events[1]!.prevHash).toBe(GENESIS_HASH);
    const chained = await verifyAudit(store, 'default', old.id);
    expect(chained).toMatchObject({ ok: true, unchainedEvents: 1 });
    expect(chained.heads[0]!.hash).toBe(events[1]!.hash);
  });

  it('refuses an unknown ticket with NOT_FOUND', async () => {
    const { store } = await workedDesk();
    const refused = verifyAudit(store, 'default', 'no-such-ticket');
    await expect(refused).rejects.toBeInstanceOf(TicketryError);
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages through a site: every ticket once', async () => {
    const { store } = await workedDesk();
    const report = await verifyAudit(store, 'default', null, { pageSize: 1 });
    expect(report.tickets).toBe(2);
    expect(new Set(report.heads.map((h) => h.ticketId)).size).toBe(2);
  });
});

describe('the memory store and stored events', () => {
  it('keeps its own copies: changing what it hands out changes nothing', async () => {
    const { desk, store, ids } = await workedDesk();
    const [id] = ids;
    const handed = await desk.events(id!);
    handed[0]!.changes.subject = 'changed by a caller';
    (handed[3]!.data as { body: string }).body = 'changed too';
    const feed = await store.readFeed(0, 10);
    feed.events[0]!.changes.subject = 'and here';
    const result = await desk.note(
      id!,
      { body: 'kept' },
      {
        actor: { role: 'agent', id: 'ada' },
      },
    );
    result.event.data!.body = 'not kept';
    expect((await verifyAudit(store, 'default')).ok).toBe(true);
  });
});
