import { createDesk, verifyAudit } from '@ticketry/core';
import { expect, it } from 'vitest';
import type { PostgresStore } from './store.js';
import { describeOnDatabases } from './test-support.js';

/** A desk on the store with a ticket of four events. */
async function worked(store: PostgresStore) {
  const desk = createDesk({ store });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  const ada = { actor: { role: 'agent', id: 'ada' } } as const;
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'Every hour on the hour. Ünïcødé ✓',
    requester: { email: 'grace@example.com', name: 'Grace' },
  });
  const triage = { impact: 'low', urgency: 'low', teamId: 'desk' } as const;
  await desk.triage(ticket.id, triage, ada);
  await desk.reply(ticket.id, { body: 'Which client version?' }, ada);
  await desk.note(ticket.id, { body: 'Known issue with 5.2.' }, ada);
  return { desk, id: ticket.id, events: `"${store.schema}".events` };
}

describeOnDatabases('postgres: the audit chain', ({ db, open }) => {
  it('verifies a desk’s history read back from the database', async () => {
    const store = await open();
    const { desk, id } = await worked(store);
    const report = await verifyAudit(store, 'default');
    expect(report).toMatchObject({ ok: true, tickets: 1, events: 4 });
    expect(report.heads).toEqual([
      { ticketId: id, version: 4, hash: (await desk.get(id))!.auditHash },
    ]);
  });

  it('finds an event edited with the append-only trigger disabled', async () => {
    const store = await open();
    const { id, events } = await worked(store);
    await expect(
      db().query(`UPDATE ${events} SET body = body WHERE ticket_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await db().query(
      `ALTER TABLE ${events} DISABLE TRIGGER events_append_only`,
    );
    await db().query(
      `UPDATE ${events}
       SET body = jsonb_set(body::jsonb, '{data,body}', '"All good."')::text
       WHERE ticket_id = $1 AND version = 3`,
      [id],
    );
    const edited = await verifyAudit(store, 'default', id);
    expect(edited.firstBroken).toMatchObject({
      version: 3,
      reason: 'hash_mismatch',
    });

    await db().query(
      `DELETE FROM ${events} WHERE ticket_id = $1 AND version = 2`,
      [id],
    );
    const deleted = await verifyAudit(store, 'default', id);
    expect(deleted.firstBroken).toMatchObject({
      version: 3,
      reason: 'version_gap',
    });
  });

  it('erases a requester: the old address finds nobody, the chain still verifies', async () => {
    const store = await open();
    const { desk, id } = await worked(store);
    const ticket = (await desk.get(id))!;
    const exported = await desk.exportRequester(ticket.requesterId);
    expect(exported.requester.email).toBe('grace@example.com');
    expect(exported.tickets[0]!.messages).toHaveLength(2);
    await desk.eraseRequester(ticket.requesterId);
    expect(
      await store.findRequesterByEmail('default', 'grace@example.com'),
    ).toBeNull();
    expect((await verifyAudit(store, 'default')).ok).toBe(true);
  });
});
