import {
  createDesk,
  createMemoryStore,
  rebuildTicket,
  type Ticket,
  ValidationError,
} from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { expect, it } from 'vitest';
import { IMPORT_BATCH } from './import.js';
import type { ImportItem, PostgresStore } from './index.js';
import { describeOnDatabases, type TestDatabase } from './test-support.js';

/** Real histories: a memory desk runs a few tickets through commands. */
async function histories(count: number): Promise<ImportItem[]> {
  const memory = createMemoryStore();
  const desk = createDesk({ store: memory });
  const system = { actor: { role: 'system', id: null } } as const;
  for (let i = 0; i < count; i++) {
    const { ticket } = await desk.submit({
      subject: `Imported ${i}`,
      description: 'From the old system.',
      requester: { email: `r${i % 7}@example.com` },
    });
    if (i % 2) {
      await desk.triage(ticket.id, { impact: 'low', urgency: 'low' }, system);
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

describeOnDatabases('postgres bulk import', ({ db, open }) => {
  it('writes tickets with their histories, in feed order, across batches', async () => {
    const store = await open();
    const count = IMPORT_BATCH + 203;
    const items = await histories(count);
    const result = await store.importTickets(items);
    const events = items.reduce((n, i) => n + i.events.length, 0);
    expect(result).toMatchObject({ tickets: count, events });
    const sample = items[IMPORT_BATCH + 100]!;
    const stored = await store.getTicket('default', sample.ticket.id);
    expect(stored).toEqual(sample.ticket);
    const read = await store.listEvents('default', sample.ticket.id);
    expect(rebuildTicket(read)).toEqual(sample.ticket);
    const feed = await store.readFeed(0, events + 1);
    expect(feed.events.map((e) => e.id)).toEqual(
      items.flatMap((i) => i.events.map((e) => e.id)),
    );
    expect(feed.cursor).toBe(result.lastSeq);
  });

  it.each([
    ['the first statement', 0],
    ['the last statement', IMPORT_BATCH + 1],
  ])('writes nothing when a ticket in %s fails', async (_, at) => {
    const store = await open();
    const existing = sampleTicket();
    await store.createTicket({
      ticket: existing,
      event: sampleEvent(existing),
    });
    const items = await histories(IMPORT_BATCH + 1);
    items.splice(at, 0, { ticket: existing, events: [sampleEvent(existing)] });
    await expect(store.importTickets(items)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    const page = await store.listTickets('default', { limit: 10 });
    expect(page.items).toEqual([]);
    const feed = await store.readFeed(0, 10);
    expect(feed.events.map((e) => e.ticketId)).toEqual([existing.id]);
  });

  it('keeps awkward text intact and indexes it as createTicket does', async () => {
    const store = await open();
    const pairs = AWKWARD.map((text, i) => {
      const fields = {
        subject: `${text} subject ${i}`,
        description: `${text}\u0000 described`,
        category: text,
        teamId: text || null,
        tags: [text, 'plain'],
      };
      return [sampleTicket(fields), sampleTicket(fields)] as const;
    });
    const items = pairs.map(([t]) => ({ ticket: t, events: [sampleEvent(t)] }));
    await store.importTickets(items);
    for (const [imported, created] of pairs) {
      await store.createTicket({
        ticket: created,
        event: sampleEvent(created),
      });
      expect(await store.getTicket(imported.siteId, imported.id)).toEqual(
        imported,
      );
      const [event] = await store.listEvents(imported.siteId, imported.id);
      expect(event).toMatchObject(sampleEventOf(items, imported.id));
      expect(await searchOf(db, store, imported)).toBe(
        await searchOf(db, store, created),
      );
    }
  });

  it('refuses a history that does not match its ticket', async () => {
    const store = await open();
    const ticket = sampleTicket({ version: 2 });
    const error = await store
      .importTickets([{ ticket, events: [sampleEvent(ticket)] }])
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/versions 1 … ticket.version/);
  });
});

// Text that an escaping slip in the import's arrays or in its
// newline-joined bodies would change: quotes, backslashes, braces,
// commas, the word NULL, line breaks, separators, emoji, RTL text.
const AWKWARD = [
  'say "hi" \\ {a,b} NULL',
  'two\nlines\r\nand\ttab',
  'sep \u2028 \u2029 end',
  'e\u0301 👩‍👩‍👧 🇳🇴 שלום',
  'NULL',
  '',
];

const sampleEventOf = (items: ImportItem[], id: string) =>
  items.find((i) => i.ticket.id === id)!.events[0]!;

/** The stored search vector of a ticket, as text. */
async function searchOf(
  db: () => TestDatabase,
  store: PostgresStore,
  ticket: Ticket,
): Promise<string | undefined> {
  const [row] = await db().query<{ v: string }>(
    `SELECT search::text AS v FROM "${store.schema}".tickets WHERE id = $1`,
    [ticket.id],
  );
  return row?.v;
}
