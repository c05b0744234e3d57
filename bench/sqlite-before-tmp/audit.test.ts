import { createDesk, verifyAudit } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion, sqliteStore } from './index.js';
import {
  eventParams,
  INSERT_EVENT,
  INSERT_TICKET,
  ticketParams,
} from './rows.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

/** A store file with a desk's ticket of four events. */
async function workedFile() {
  const filename = files.file('audit');
  const store = sqliteStore({ filename });
  const desk = createDesk({ store });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  const ada = { actor: { role: 'agent', id: 'ada' } } as const;
  const { ticket } = await desk.submit({
    subject: 'VPN drops',
    description: 'Every hour on the hour.',
    requester: { email: 'grace@example.com' },
  });
  await desk.triage(
    ticket.id,
    { impact: 'low', urgency: 'low', teamId: 'desk' },
    ada,
  );
  await desk.reply(ticket.id, { body: 'Which client version?' }, ada);
  await desk.note(ticket.id, { body: 'Known issue with 5.2.' }, ada);
  return { filename, store, desk, id: ticket.id };
}

describe('sqlite: append-only events (migration 4)', () => {
  it('refuses UPDATE and DELETE of events from any connection', async () => {
    const { filename, store, id } = await workedFile();
    const db = new Database(filename);
    db.pragma('busy_timeout = 5000');
    expect(() =>
      db.prepare("UPDATE events SET body = '{}' WHERE ticket_id = ?").run(id),
    ).toThrow(/append-only: UPDATE refused/);
    expect(() =>
      db.prepare('DELETE FROM events WHERE version = 2').run(),
    ).toThrow(/append-only: DELETE refused/);
    expect(() => db.exec('DELETE FROM events')).toThrow(/DELETE refused/);
    const count = db.prepare('SELECT count(*) FROM events').pluck().get();
    expect(count).toBe(4);
    db.close();
    expect((await verifyAudit(store, 'default')).ok).toBe(true);
    await store.close();
  });

  it('upgrades a file written at schema 3: its events stay and become append-only', async () => {
    const filename = files.file('v3');
    const old = new Database(filename);
    expect(migrate(old, migrations.slice(0, 3))).toBe(3);
    const ticket = sampleTicket({ siteId: 'default' });
    old.prepare(INSERT_TICKET).run(ticketParams(ticket));
    old.prepare(INSERT_EVENT).get(eventParams(sampleEvent(ticket)));
    old.prepare('UPDATE events SET body = body WHERE version = 1').run();
    old.close();

    const store = sqliteStore({ filename });
    expect(schemaVersion(store.database)).toBe(migrations.length);
    expect(migrations[3]!.name).toBe('append-only events');
    expect(() =>
      store.database.prepare('UPDATE events SET body = body').run(),
    ).toThrow(/append-only/);
    const desk = createDesk({ store });
    await desk.createTeam({ id: 'desk', name: 'Service desk' });
    await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
    const triage = { impact: 'low', urgency: 'low', teamId: 'desk' } as const;
    await desk.triage(ticket.id, triage, {
      actor: { role: 'agent', id: 'ada' },
    });
    const report = await verifyAudit(store, 'default');
    expect(report).toMatchObject({ ok: true, events: 2, unchainedEvents: 1 });
    expect(report.unchained).toEqual([
      { ticketId: ticket.id, ref: ticket.ref, before: 2 },
    ]);
    await store.close();
  });
});

describe('sqlite: verifyAudit over a file changed behind the store', () => {
  it('finds an event body edited with the trigger dropped', async () => {
    const { filename, store, id } = await workedFile();
    const db = new Database(filename);
    db.pragma('busy_timeout = 5000');
    db.exec('DROP TRIGGER events_no_update');
    db.prepare(
      "UPDATE events SET body = json_set(body, '$.data.body', 'Nothing to see.') WHERE ticket_id = ? AND version = 3",
    ).run(id);
    db.close();

    const report = await verifyAudit(store, 'default', id);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      ticketId: id,
      version: 3,
      reason: 'hash_mismatch',
    });
    await store.close();
  });

  it('finds a deleted event and a ticket row edited without an event', async () => {
    const { filename, store, desk, id } = await workedFile();
    const other = (
      await desk.submit({
        subject: 'Second',
        description: 'Another ticket.',
        requester: { email: 'ada@example.com' },
      })
    ).ticket.id;
    const db = new Database(filename);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER events_no_delete');
    db.prepare('DELETE FROM events WHERE ticket_id = ? AND version = 2').run(
      id,
    );
    db.prepare(
      "UPDATE tickets SET status = 'closed', body = json_set(body, '$.status', 'closed') WHERE id = ?",
    ).run(other);
    db.close();

    const report = await verifyAudit(store, 'default');
    expect(report.brokenTickets).toBe(2);
    const byTicket = async (ticketId: string) =>
      (await verifyAudit(store, 'default', ticketId)).firstBroken;
    expect(await byTicket(id)).toMatchObject({
      reason: 'version_gap',
      version: 3,
    });
    expect(await byTicket(other)).toMatchObject({ reason: 'ticket_differs' });
    await store.close();
  });
});
