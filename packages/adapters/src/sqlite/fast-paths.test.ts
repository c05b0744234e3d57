import { ConflictError, ValidationError } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REINDEX_FROM } from './import.js';
import { type ImportItem, sqliteStore } from './index.js';
import { sqliteProbe, tempFiles } from './test-support.js';

const files = tempFiles();
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});
afterAll(() => files.remove());

const opened = (filename: string) => {
  const store = sqliteStore({ filename });
  open.push(store);
  return store;
};

/** The next version of a ticket, as a command would commit it. */
const next = (ticket: ReturnType<typeof sampleTicket>, change: object) => {
  const moved = { ...ticket, ...change, version: ticket.version + 1 };
  return {
    ticket: moved,
    expectedVersion: ticket.version,
    event: sampleEvent(moved),
  };
};

describe('sqlite commit after another store moved the ticket on', () => {
  it('refuses the stale commit and keeps every column right', async () => {
    const filename = files.file('stale');
    const a = opened(filename);
    const b = opened(filename);
    const probe = sqliteProbe(filename);
    open.push(probe);
    const t = sampleTicket();
    await a.createTicket({ ticket: t, event: sampleEvent(t) });

    // A reads version 1; B commits version 2 with a new status and team.
    const seen = (await a.getTicket(t.siteId, t.id))!;
    const v2 = next(t, { status: 'open', teamId: 'team-b' });
    await b.commit(v2);
    const error = await a
      .commit(next(seen, { priority: 'high' }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ details: { expected: 1, actual: 2 } });

    // A goes on from version 2 and changes only the priority: the status
    // and team that B wrote stay in the columns lists filter on.
    const fresh = (await a.getTicket(t.siteId, t.id))!;
    await a.commit(next(fresh, { priority: 'high' }));
    const page = await a.listTickets(t.siteId, {
      status: ['open'],
      teamId: 'team-b',
      priority: ['high'],
      limit: 10,
    });
    expect(page.items.map((x) => [x.id, x.version])).toEqual([[t.id, 3]]);
    expect(await probe.countEvents(t.siteId, t.id)).toBe(3);
  });
});

describe('sqlite walAutocheckpointPages', () => {
  const pages = (store: ReturnType<typeof sqliteStore>) =>
    store.database.pragma('wal_autocheckpoint', { simple: true });

  it('defaults to 10,000 pages and takes another size or 0', () => {
    expect(pages(opened(files.file('ckpt')))).toBe(10_000);
    const small = sqliteStore({
      filename: files.file('ckpt'),
      walAutocheckpointPages: 500,
    });
    open.push(small);
    expect(pages(small)).toBe(500);
    const off = sqliteStore({
      filename: files.file('ckpt'),
      walAutocheckpointPages: 0,
    });
    open.push(off);
    expect(pages(off)).toBe(0);
  });

  it('refuses a negative or fractional size', () => {
    for (const walAutocheckpointPages of [-1, 2.5]) {
      expect(() =>
        sqliteStore({ filename: files.file('ckpt'), walAutocheckpointPages }),
      ).toThrow(ValidationError);
    }
  });
});

describe('sqlite import large enough to rebuild the list indexes', () => {
  const items = (n: number): ImportItem[] =>
    Array.from({ length: n }, (_, i) => {
      const ticket = sampleTicket({
        status: i % 2 ? 'open' : 'new',
        teamId: `team-${i % 3}`,
      });
      return { ticket, events: [sampleEvent(ticket)] };
    });

  const indexes = (store: ReturnType<typeof sqliteStore>) =>
    store.database
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'index'
         AND tbl_name = 'tickets' ORDER BY name`,
      )
      .all();

  it('leaves the same indexes, used by lists, and rolls back whole', async () => {
    const store = opened(files.file('reindex'));
    const before = indexes(store);
    const batch = items(REINDEX_FROM);
    const result = await store.importTickets(batch);
    expect(result).toEqual({
      tickets: REINDEX_FROM,
      events: REINDEX_FROM,
      lastSeq: REINDEX_FROM,
    });
    expect(indexes(store)).toEqual(before);
    expect(store.database.pragma('integrity_check', { simple: true })).toBe(
      'ok',
    );
    const plan = store.database
      .prepare(
        `EXPLAIN QUERY PLAN SELECT body FROM tickets WHERE site_id = ?
         AND team_id = ? AND status = ? ORDER BY created_at DESC, id DESC`,
      )
      .all('site-a', 'team-1', 'open') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/INDEX tickets_team/);
    const page = await store.listTickets('site-a', {
      status: ['open'],
      teamId: 'team-1',
      limit: 5000,
    });
    const expected = batch.filter(
      (i) => i.ticket.status === 'open' && i.ticket.teamId === 'team-1',
    );
    expect(page.items.map((t) => t.id).sort()).toEqual(
      expected.map((i) => i.ticket.id).sort(),
    );

    // A second large call into a table as big fails on its last ticket:
    // nothing of it stays, the indexes included.
    const again = items(REINDEX_FROM);
    again.push(batch[0]!);
    await expect(store.importTickets(again)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    expect(indexes(store)).toEqual(before);
    const { n } = store.database
      .prepare('SELECT count(*) AS n FROM tickets')
      .get() as { n: number };
    expect(n).toBe(REINDEX_FROM);
  });
});
