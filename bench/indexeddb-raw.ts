/**
 * The IndexedDB baselines: idb by hand on the adapter's own schema,
 * doing what a desk command and an import do, without the desk or the
 * adapter. Used by bench/indexeddb-page.ts. Nothing here prints.
 */
import type { ImportRecord } from '@ticketry/adapters/indexeddb';
import { migrations } from '@ticketry/adapters/indexeddb';
import { createId, type Ticket } from '@ticketry/core';
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';

type Raw = IDBPDatabase;
type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;

/** A database of the adapter's schema (13 ticket and 2 event indexes). */
export function openAdapterSchema(name: string): Promise<Raw> {
  return openDB(name, migrations.length, {
    upgrade(database, old, _next, tx) {
      for (const m of migrations) {
        if (m.version > old) m.apply(database as never, tx as never);
      }
    },
  });
}

/** The same two stores without any index: the browser's floor. */
export function openBareSchema(name: string): Promise<Raw> {
  return openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore('tickets', { keyPath: ['siteId', 'id'] });
      database.createObjectStore('events', {
        keyPath: 'seq',
        autoIncrement: true,
      });
    },
  });
}

/** Tickets and their events in one transaction, as the adapter stores them. */
export async function rawImport(db: Raw, batch: readonly ImportRecord[]) {
  const tx = db.transaction(['tickets', 'events'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const { ticket: t, events } of batch) {
    writes.push(
      tx.objectStore('tickets').put({
        siteId: t.siteId,
        id: t.id,
        due: t.dueAt ?? '\uffff',
        ticket: t,
      }),
    );
    for (const e of events) writes.push(tx.objectStore('events').add(e));
  }
  await Promise.all([...writes, tx.done]);
}

/**
 * What the desk's command in turn `turn` changes, as the desk's triage,
 * internal note and tag update do: the ticket's fields, and the event's
 * type, changes and data.
 */
function change(t: Ticket, turn: number, step: number) {
  if (turn === 0) {
    const status = t.status === 'new' ? 'open' : t.status;
    const changes = { impact: 'medium', urgency: 'high', priority: 'high' };
    return {
      type: 'ticket.triaged',
      changes: { ...changes, ...(status !== t.status && { status }) },
      data: null,
    };
  }
  if (turn === 1) {
    const body = `Checked the tray, step ${step}.`;
    return {
      type: 'ticket.noted',
      changes: {},
      data: { messageId: createId(), body, visibility: 'internal' },
    };
  }
  return { type: 'ticket.updated', changes: { tags: [`round-${step}`] } };
}

/** How the baseline reads and writes a command. */
export type RawPlan =
  /** Get, check and write in one read-write transaction. */
  | 'one transaction'
  /** A read-only get, then a read-write one that reads again to check. */
  | 'two transactions';

/**
 * idb by hand doing what each desk command does, over `ids` in the
 * desk's order of turns: read the ticket, check its version, write it
 * with the same changes and an event like the desk's. With one
 * transaction there is nothing to check against: no other writer can
 * get between the read and the write.
 */
export function rawCommands(
  db: Raw,
  siteId: string,
  ids: string[],
  commands: number,
  plan: RawPlan,
) {
  let step = 0;
  const write = (tx: WriteTx, row: Row, t: Ticket) => {
    const at = new Date().toISOString();
    const turn = Math.floor(step / ids.length) % 3;
    const { changes, ...rest } = change(t, turn, step);
    const next = { ...t, ...changes, version: t.version + 1, updatedAt: at };
    return Promise.all([
      tx.objectStore('tickets').put({ ...row, ticket: next }),
      tx.objectStore('events').add({
        id: createId(),
        siteId: t.siteId,
        ticketId: t.id,
        version: next.version,
        at,
        actor: { role: 'system', id: null },
        changes,
        data: null,
        ...rest,
      }),
      tx.done,
    ]);
  };
  return async () => {
    for (let i = 0; i < commands; i++, step++) {
      const key = [siteId, ids[step % ids.length]!];
      if (plan === 'one transaction') {
        const tx = db.transaction(['tickets', 'events'], 'readwrite');
        const row = (await tx.objectStore('tickets').get(key)) as Row;
        await write(tx, row, row.ticket);
        continue;
      }
      const row = (await db.get('tickets', key)) as Row;
      // The writes go out with the read that guards them; the
      // transaction is aborted if that read says no.
      const tx = db.transaction(['tickets', 'events'], 'readwrite');
      const current = tx.objectStore('tickets').get(key);
      const writes = write(tx, row, row.ticket);
      if ((await current).ticket.version !== row.ticket.version) {
        tx.abort();
        await writes.catch(() => undefined);
        throw new Error('conflict');
      }
      await writes;
    }
  };
}

interface Row {
  siteId: string;
  id: string;
  due: string;
  ticket: Ticket;
}
