import {
  createDesk,
  createMemoryStore,
  rebuildTicket,
  StorageError,
  ValidationError,
} from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { IMPORT_LIMIT, type ImportItem, sqliteStore } from './index.js';
import { sqliteProbe, tempFiles } from './test-support.js';

const files = tempFiles();
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});
afterAll(() => files.remove());

/** A store on a fresh file and a raw probe of the same file. */
function fresh() {
  const filename = files.file('import');
  const store = sqliteStore({ filename });
  const probe = sqliteProbe(filename);
  open.push(probe, store);
  return { store, probe, filename };
}

const countRows = (store: ReturnType<typeof fresh>['store']) =>
  store.database
    .prepare(
      'SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM events) AS events',
    )
    .get() as { tickets: number; events: number };

/** Real histories: a memory desk takes tickets through a few commands. */
async function histories(count: number): Promise<ImportItem[]> {
  const memory = createMemoryStore();
  const desk = createDesk({ store: memory });
  const system = { actor: { role: 'system', id: null } } as const;
  for (let i = 0; i < count; i++) {
    const { ticket } = await desk.submit({
      subject: `Imported ${i}`,
      description: 'From the old system: “naïve” café, 🧑🏽‍💻, שלום.',
      requester: { email: `r${i % 7}@example.com` },
    });
    if (i % 2) {
      await desk.triage(ticket.id, { impact: 'low', urgency: 'low' }, system);
    }
    if (i % 3 === 0) {
      await desk.note(ticket.id, { body: `Note ${i}` }, system);
    }
  }
  const page = await memory.listTickets('default', { limit: count });
  return Promise.all(
    page.items.map(async (ticket) => ({
      ticket,
      events: await memory.listEvents('default', ticket.id),
    })),
  );
}

describe('sqlite bulk import', () => {
  it('writes tickets with their histories, in feed order', async () => {
    const { store, probe } = fresh();
    const items = await histories(60);
    const events = items.reduce((n, i) => n + i.events.length, 0);
    const result = await store.importTickets(items);
    expect(result).toEqual({ tickets: 60, events, lastSeq: events });

    for (const { ticket } of items) {
      expect(await probe.readTicket('default', ticket.id)).toEqual(ticket);
      expect(await probe.countEvents('default', ticket.id)).toBe(
        ticket.version,
      );
    }
    const sample = items[31]!.ticket;
    const read = await store.listEvents('default', sample.id);
    expect(rebuildTicket(read)).toEqual(sample);
    const feed = await store.readFeed(0, events + 1);
    expect(feed.events.map((e) => e.id)).toEqual(
      items.flatMap((i) => i.events.map((e) => e.id)),
    );
    expect(feed.cursor).toBe(result.lastSeq);
  });

  it('lists imported tickets by their columns and lets the desk go on', async () => {
    const { store } = fresh();
    const items = await histories(9);
    await store.importTickets(items);
    const triaged = items.filter((i) => i.ticket.priority !== null);
    const page = await store.listTickets('default', {
      priority: [triaged[0]!.ticket.priority!],
      limit: 50,
    });
    expect(page.items.map((t) => t.id).sort()).toEqual(
      triaged.map((i) => i.ticket.id).sort(),
    );

    const desk = createDesk({ store });
    const first = items[0]!.ticket;
    const { ticket } = await desk.update(
      first.id,
      { tags: ['moved'] },
      { actor: { role: 'system', id: null } },
    );
    expect(ticket.version).toBe(first.version + 1);
    expect(await store.listEvents('default', first.id)).toHaveLength(
      first.version + 1,
    );
  });

  it('writes nothing when one ticket of the call exists already', async () => {
    const { store } = fresh();
    const existing = sampleTicket();
    await store.createTicket({
      ticket: existing,
      event: sampleEvent(existing),
    });
    const items = (await histories(20)).concat({
      ticket: existing,
      events: [sampleEvent(existing)],
    });
    const error = await store.importTickets(items).catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_FAILED', backend: 'sqlite' });
    expect(countRows(store)).toEqual({ tickets: 1, events: 1 });
  });

  it('refuses a history that does not match its ticket, writing nothing', async () => {
    const { store } = fresh();
    const ticket = sampleTicket({ version: 2 });
    const first = sampleEvent({ ...ticket, version: 1 });
    const cases: ImportItem['events'][] = [
      [],
      [sampleEvent(ticket)],
      [sampleEvent(ticket), first],
      [first, sampleEvent({ ...ticket, id: 'another-ticket' })],
      [first, sampleEvent({ ...ticket, siteId: 'site-b' })],
    ];
    for (const events of cases) {
      const error = await store
        .importTickets([{ ticket, events }])
        .catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/versions 1 … ticket.version/);
    }
    expect(countRows(store)).toEqual({ tickets: 0, events: 0 });
  });

  it('names a column field that is missing or malformed', async () => {
    const { store } = fresh();
    const good = sampleTicket();
    const bad = [
      { ...good, status: 'parked' },
      { ...good, createdAt: 'yesterday' },
      { ...good, teamId: undefined },
      { ...good, ref: '' },
    ];
    for (const ticket of bad) {
      const items = [
        { ticket: good, events: [sampleEvent(good)] },
        { ticket, events: [sampleEvent(good)] },
      ] as ImportItem[];
      const error = await store.importTickets(items).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      const paths = error.issues.map((i: { path: unknown[] }) => i.path);
      expect(paths).toContainEqual([1, 'ticket', expect.any(String)]);
    }
    expect(countRows(store)).toEqual({ tickets: 0, events: 0 });
  });

  it(`refuses more than ${IMPORT_LIMIT} items in one call`, async () => {
    const { store } = fresh();
    const ticket = sampleTicket();
    const item = { ticket, events: [sampleEvent(ticket)] };
    const items = Array<ImportItem>(IMPORT_LIMIT + 1).fill(item);
    await expect(store.importTickets(items)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(countRows(store)).toEqual({ tickets: 0, events: 0 });
  });

  it('answers zeros for an empty call and refuses once closed', async () => {
    const { store } = fresh();
    expect(await store.importTickets([])).toEqual({
      tickets: 0,
      events: 0,
      lastSeq: 0,
    });
    await store.close();
    const ticket = sampleTicket();
    await expect(
      store.importTickets([{ ticket, events: [sampleEvent(ticket)] }]),
    ).rejects.toBeInstanceOf(StorageError);
  });
});
