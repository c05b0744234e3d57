/**
 * The IndexedDB measurements, run inside a page (bench/indexeddb.ts
 * bundles this file for Chromium) or in Node on fake-indexeddb when no
 * Chromium is found. Nothing here prints.
 */
import { indexedDbStore, migrations } from '@ticketry/adapters/indexeddb';
import { createDesk, createId, type Ticket } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { openDB } from 'idb';

/** What one measuring run is asked to do. */
export interface PageParams {
  /** Tickets the commands cycle over. */
  workingSet: number;
  /** Commands per timed batch. */
  commands: number;
  /** Tickets per timed import. */
  importBatch: number;
  repeats: number;
}

/** Operations per second, one number per repeat. */
export interface PageSamples {
  lifecycle: number[];
  raw: number[];
  strict: number[];
  imports: number[];
  rawImports: number[];
  /** The same rows into stores without indexes: the browser's floor. */
  bareImports: number[];
}

const SITE = 'bench';
let names = 0;
const dbName = (what: string) =>
  `ticketry-bench-${what}-${Date.now()}-${++names}`;

function ticket(n: number): Ticket {
  const at = new Date(Date.UTC(2024, 0, 1, 9, 0, n)).toISOString();
  return sampleTicket({
    siteId: SITE,
    ref: `T-${100000 + n}`,
    subject: `Printer ${n} jams on tray 2`,
    description: 'Every job stops at the second tray with a paper jam.',
    requesterId: `requester-${n % 50}`,
    channel: 'web',
    teamId: n % 2 ? 'desk' : 'network',
    createdAt: at,
    updatedAt: at,
  });
}

const records = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => {
    const t = ticket(from + i);
    return { ticket: t, events: [sampleEvent(t)] };
  });

const rate = async (ops: number, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (ops * 1000) / (performance.now() - started);
};

/** The desk over the adapter: commands by the system actor, in turn. */
async function deskRunner(durability: 'default' | 'strict', p: PageParams) {
  const store = indexedDbStore({ name: dbName('desk'), durability });
  const seeded = records(p.workingSet, 0);
  await store.importTickets(seeded);
  const desk = createDesk({ store, siteId: SITE });
  const system = { actor: { role: 'system' as const, id: null } };
  const ids = seeded.map((r) => r.ticket.id);
  let step = 0;
  return async () => {
    for (let i = 0; i < p.commands; i++, step++) {
      const id = ids[step % ids.length]!;
      const turn = Math.floor(step / ids.length) % 3;
      if (turn === 0) {
        await desk.triage(id, { impact: 'medium', urgency: 'high' }, system);
      } else if (turn === 1) {
        await desk.note(
          id,
          { body: `Checked the tray, step ${step}.` },
          system,
        );
      } else {
        await desk.update(id, { tags: [`round-${step}`] }, system);
      }
    }
  };
}

/** idb by hand on the same schema: read, check the version, write. */
async function rawRunner(p: PageParams) {
  const db = await openDB(dbName('raw'), migrations.length, {
    upgrade(database, old, _next, tx) {
      for (const m of migrations) {
        if (m.version > old) m.apply(database as never, tx as never);
      }
    },
  });
  const seeded = records(p.workingSet, 0);
  await rawImport(db, seeded);
  const ids = seeded.map((r) => r.ticket.id);
  let step = 0;
  return async () => {
    for (let i = 0; i < p.commands; i++, step++) {
      const key = [SITE, ids[step % ids.length]!];
      const read = await db.get('tickets', key);
      const version = read.ticket.version as number;
      const at = new Date().toISOString();
      const next = {
        ...read.ticket,
        version: version + 1,
        updatedAt: at,
        tags: [`round-${step}`],
      };
      // As the adapter does: the writes go out with the read that
      // guards them, and the transaction is aborted if it says no.
      const tx = db.transaction(['tickets', 'events'], 'readwrite');
      const current = tx.objectStore('tickets').get(key);
      const writes = Promise.all([
        tx.objectStore('tickets').put({ ...read, ticket: next }),
        tx.objectStore('events').add({
          id: createId(),
          siteId: SITE,
          ticketId: next.id,
          version: version + 1,
          at,
          actor: { role: 'system', id: null },
          type: 'ticket.updated',
          changes: { tags: next.tags, updatedAt: at },
          data: null,
        }),
        tx.done,
      ]);
      if ((await current).ticket.version !== version) {
        tx.abort();
        await writes.catch(() => undefined);
        throw new Error('conflict');
      }
      await writes;
    }
  };
}

async function rawImport(
  db: Awaited<ReturnType<typeof openDB>>,
  batch: ReturnType<typeof records>,
) {
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
 * Runs every measurement, interleaving the adapter and its raw
 * baseline repeat by repeat so that drift falls on both alike.
 */
export async function measureIndexedDb(p: PageParams): Promise<PageSamples> {
  const out: PageSamples = {
    lifecycle: [],
    raw: [],
    strict: [],
    imports: [],
    rawImports: [],
    bareImports: [],
  };
  const desk = await deskRunner('default', p);
  const strict = await deskRunner('strict', p);
  const raw = await rawRunner(p);
  const importer = indexedDbStore({ name: dbName('import') });
  const rawDb = await openDB(dbName('raw-import'), migrations.length, {
    upgrade(database, old, _next, tx) {
      for (const m of migrations) {
        if (m.version > old) m.apply(database as never, tx as never);
      }
    },
  });
  const bareDb = await openDB(dbName('bare-import'), 1, {
    upgrade(database) {
      database.createObjectStore('tickets', { keyPath: ['siteId', 'id'] });
      database.createObjectStore('events', {
        keyPath: 'seq',
        autoIncrement: true,
      });
    },
  });
  await desk();
  await raw();
  let from = 1_000_000;
  for (let r = 0; r < p.repeats; r++) {
    out.lifecycle.push(await rate(p.commands, desk));
    out.raw.push(await rate(p.commands, raw));
    out.strict.push(await rate(p.commands, strict));
    const batch = records(p.importBatch, from);
    from += p.importBatch;
    out.imports.push(
      await rate(p.importBatch, () => importer.importTickets(batch)),
    );
    const rawBatch = records(p.importBatch, from);
    from += p.importBatch;
    out.rawImports.push(
      await rate(p.importBatch, () => rawImport(rawDb, rawBatch)),
    );
    const bareBatch = records(p.importBatch, from);
    from += p.importBatch;
    out.bareImports.push(
      await rate(p.importBatch, () => rawImport(bareDb, bareBatch)),
    );
  }
  return out;
}
