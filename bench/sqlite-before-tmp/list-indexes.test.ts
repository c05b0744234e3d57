import type { TicketQuery } from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion, sqliteStore } from './index.js';
import { listSql } from './list.js';
import {
  eventParams,
  INSERT_EVENT,
  INSERT_TICKET,
  ticketParams,
} from './rows.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const columnsOf = (db: Database.Database, index: string) =>
  (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name);

const isPartial = (db: Database.Database, index: string) =>
  /\bWHERE\b/i.test(
    (
      db
        .prepare(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
        )
        .get(index) as { sql: string }
    ).sql,
  );

/** The plan SQLite picks for the statement the store runs for `query`. */
function planOf(db: Database.Database, query: TicketQuery) {
  const { sql, params } = listSql('site-a', query);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail).join('; ');
}

/** Many tickets over teams and statuses, then ANALYZE, so plans are real. */
function seed(db: Database.Database, count: number) {
  const statuses = ['open', 'closed', 'assigned', 'resolved'] as const;
  const insert = db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const ticket = sampleTicket({
        status: statuses[i % 4],
        teamId: `team-${i % 10}`,
        assigneeId: i % 5 ? null : `agent-${i % 3}`,
        dueAt: i % 7 ? null : `2024-02-0${(i % 9) + 1}T00:00:00.000Z`,
      });
      db.prepare(INSERT_TICKET).run(ticketParams(ticket));
      db.prepare(INSERT_EVENT).get(eventParams(sampleEvent(ticket)));
    }
  });
  insert();
  db.exec('ANALYZE');
}

describe('sqlite list indexes (migration 3)', () => {
  it('upgrade a file written at schema 2 and keep its lists right', async () => {
    const filename = files.file('v2');
    const old = new Database(filename);
    expect(migrate(old, migrations.slice(0, 2))).toBe(2);
    expect(columnsOf(old, 'tickets_team')).toEqual(['site_id', 'team_id']);
    seed(old, 400);
    old.close();

    const store = sqliteStore({ filename });
    const db = store.database;
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(columnsOf(db, 'tickets_team')).toEqual([
      'site_id',
      'team_id',
      'status',
      'created_at',
      'id',
    ]);
    expect(columnsOf(db, 'tickets_status')).toEqual([
      'site_id',
      'status',
      'created_at',
      'id',
    ]);
    expect(isPartial(db, 'tickets_assignee')).toBe(true);
    expect(isPartial(db, 'tickets_due')).toBe(true);
    expect(isPartial(db, 'tickets_team')).toBe(false);
    const page = await store.listTickets('site-a', {
      status: ['open'],
      teamId: 'team-0',
      limit: 500,
    });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((t) => t.status === 'open')).toBe(true);
    const due = await store.listTickets('site-a', {
      dueBefore: '2024-02-03T00:00:00.000Z',
      limit: 500,
    });
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.every((t) => t.dueAt! <= '2024-02-03T00:00:00.000Z')).toBe(
      true,
    );
    await store.close();
  });

  it('serve a status and team filter from one index, in page order', async () => {
    const store = sqliteStore({ filename: files.file('plans') });
    seed(store.database, 2000);
    const db = store.database;
    const plan = (q: TicketQuery) => planOf(db, q);
    expect(plan({ status: ['open'], teamId: 'team-3' })).toBe(
      'SEARCH tickets USING INDEX tickets_team (site_id=? AND team_id=? AND status=?)',
    );
    expect(plan({ status: ['open'] })).toBe(
      'SEARCH tickets USING INDEX tickets_status (site_id=? AND status=?)',
    );
    expect(plan({ assigneeId: 'agent-1', status: ['open'] })).toMatch(
      /^SEARCH tickets USING INDEX tickets_assignee \(site_id=\? AND assignee_id=\? AND status=\?\)$/,
    );
    expect(
      plan({ dueBefore: '2024-02-05T00:00:00.000Z', sort: 'dueAt' }),
    ).toMatch(/USING INDEX tickets_due/);
    await store.close();
  });
});

describe('sqlite commits', () => {
  it('keep every copied column equal to the ticket, changed or not', async () => {
    const filename = files.file('columns');
    const store = sqliteStore({ filename });
    const columns = new Database(filename, { readonly: true });
    const read = (id: string) =>
      columns
        .prepare(
          `SELECT ref, version, status, team_id, assignee_id, requester_id,
             priority, category, created_at, updated_at, due_at
           FROM tickets WHERE site_id = 'site-a' AND id = ?`,
        )
        .get(id);
    const expected = (t: ReturnType<typeof sampleTicket>) => {
      const { body: _, site_id: __, id: ___, ...rest } = ticketParams(t);
      return rest;
    };

    let ticket = sampleTicket({ status: 'open', teamId: 'net' });
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    const steps: Partial<typeof ticket>[] = [
      { tags: ['only-the-body'] },
      { status: 'assigned', assigneeId: 'ada', teamId: 'desk' },
      {
        priority: 'high',
        category: 'Network',
        dueAt: '2024-05-01T00:00:00.000Z',
      },
      { assigneeId: null, dueAt: null, requesterId: 'requester-2' },
      { ref: 'T-9', createdAt: '2023-12-31T00:00:00.000Z' },
    ];
    for (const changes of steps) {
      const next = bumped(ticket, changes);
      await store.commit({
        ticket: next,
        expectedVersion: ticket.version,
        event: sampleEvent(next),
      });
      expect(read(ticket.id)).toEqual(expected(next));
      expect(await store.getTicket('site-a', ticket.id)).toEqual(next);
      ticket = next;
    }
    const byTeam = await store.listTickets('site-a', {
      teamId: 'desk',
      status: ['assigned'],
    });
    expect(byTeam.items.map((t) => t.id)).toEqual([ticket.id]);
    columns.close();
    await store.close();
  });
});
