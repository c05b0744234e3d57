/**
 * Where an IndexedDB command spends its time, split by what the
 * browser is asked to do: transactions, durability, indexes, the guard
 * read, explicit commit(). Run in Chromium by bench/indexeddb-profile.ts
 * with the import cases of bench/indexeddb-profile-import.ts; every
 * figure is milliseconds per operation, the median of a few rounds,
 * with Chromium's CPU time per operation by process. Nothing here
 * prints.
 */
import {
  type IndexedDbStore,
  indexedDbStore,
} from '@ticketry/adapters/indexeddb';
import { createDesk, createMemoryStore } from '@ticketry/core';
import { sampleEvent } from '@ticketry/core/testing';
import {
  chunkRows,
  importRows,
  issueRows,
  shapeRows,
} from './indexeddb-profile-import.ts';
import {
  dbName,
  interleaved,
  openKeyed,
  openSchema,
  type ProfileParams,
  type ProfileRow,
  phase,
  phases,
  type Raw,
  records,
  row,
  SITE,
  type Step,
  seeded,
  writeStep,
} from './indexeddb-profile-kit.ts';

export type { ProfileParams, ProfileRow } from './indexeddb-profile-kit.ts';

type Store = Parameters<typeof createDesk>[0]['store'];

async function deskStep(
  store: Store,
  n: number,
  seed: 'create' | 'import' = 'create',
): Promise<Step> {
  const system = { actor: { role: 'system' as const, id: null } };
  const batch = records(n, 0);
  if (seed === 'import') {
    await (store as IndexedDbStore).importTickets(batch);
  }
  for (const r of seed === 'create' ? batch : []) {
    await store.createTicket({ ticket: r.ticket, event: r.events[0]! });
  }
  const desk = createDesk({ store, siteId: SITE });
  const ids = batch.map((r) => r.ticket.id);
  return (i) => desk.update(ids[i % ids.length]!, { tags: [`r${i}`] }, system);
}

function adapterStep(store: Store, ids: string[]): Step {
  return async (i) => {
    const t = (await store.getTicket(SITE, ids[i % ids.length]!))!;
    const next = { ...t, version: t.version + 1, tags: [`t${i}`] };
    await store.commit({
      ticket: next,
      expectedVersion: t.version,
      event: sampleEvent(next, { changes: { tags: next.tags } }),
    });
  };
}

async function commandRows(p: ProfileParams): Promise<ProfileRow[]> {
  const db = await openSchema('all');
  const ids = await seeded(db, 200);
  const keyed = await openKeyed();
  const keyedIds = await seeded(keyed, 200, 'keyed');
  const bare = await openSchema(0);
  const bareIds = await seeded(bare, 200);
  const four = await openSchema(4);
  const fourIds = await seeded(four, 200);
  const store = indexedDbStore({ name: dbName() });
  const storeBatch = records(200, 0);
  await store.importTickets(storeBatch);
  const storeIds = storeBatch.map((r) => r.ticket.id);
  const cases: [string, Step][] = [
    [
      'readonly get of one ticket row',
      (i) => db.get('tickets', [SITE, ids[i % ids.length]!]),
    ],
    [
      'readwrite, get only',
      (i) => {
        const tx = db.transaction('tickets', 'readwrite');
        tx.store.get([SITE, ids[i % ids.length]!]);
        return tx.done;
      },
    ],
    [
      'readwrite, get only, durability strict',
      (i) => {
        const tx = db.transaction('tickets', 'readwrite', {
          durability: 'strict',
        });
        tx.store.get([SITE, ids[i % ids.length]!]);
        return tx.done;
      },
    ],
    ['raw: read tx + write tx (get, put, add)', writeStep(db, ids)],
    ['raw, durability relaxed', writeStep(db, ids, { durability: 'relaxed' })],
    ['raw, durability strict', writeStep(db, ids, { durability: 'strict' })],
    ['raw, no guard read', writeStep(db, ids, { guard: false })],
    ['raw, 4 ticket indexes', writeStep(four, fourIds)],
    ['raw, no indexes', writeStep(bare, bareIds)],
    [
      'raw, one multiEntry list index',
      writeStep(keyed, keyedIds, { shape: 'keyed' }),
    ],
    ['adapter: getTicket + commit', adapterStep(store, storeIds)],
    [
      'desk.update, IndexedDB store seeded by import',
      await deskStep(indexedDbStore({ name: dbName() }), 200, 'import'),
    ],
    [
      'desk.update, IndexedDB store',
      await deskStep(indexedDbStore({ name: dbName() }), 200),
    ],
    [
      'desk.update, memory store (desk CPU)',
      await deskStep(createMemoryStore(), 200),
    ],
  ];
  return interleaved('command', cases, p);
}

function rawSplit(db: Raw, ids: string[]): Step {
  return async (i) => {
    const key = [SITE, ids[i % ids.length]!];
    const current = (await phase('raw read', () =>
      db.get('tickets', key),
    )) as ReturnType<typeof row>;
    const t = { ...current.ticket, version: current.ticket.version + 1 };
    const ev = sampleEvent(t, { changes: { tags: [`t${i}`] } });
    await phase('raw write', async () => {
      const tx = db.transaction(['tickets', 'events'], 'readwrite');
      const tickets = tx.objectStore('tickets');
      const read = tickets.get(key);
      tickets.put(row(t));
      tx.objectStore('events').add(ev as never);
      await read;
      await tx.done;
    });
  };
}

function adapterSplit(store: Store, ids: string[]): Step {
  return async (i) => {
    const t = (await phase('adapter read', () =>
      store.getTicket(SITE, ids[i % ids.length]!),
    ))!;
    const next = { ...t, version: t.version + 1, tags: [`t${i}`] };
    await phase('adapter write', () =>
      store.commit({
        ticket: next,
        expectedVersion: t.version,
        event: sampleEvent(next, { changes: { tags: next.tags } }),
      }),
    );
  };
}

/** The raw step, ending its transactions with commit() when asked. */
function committing(
  db: Raw,
  ids: string[],
  read: boolean,
  write: boolean,
): Step {
  return async (i) => {
    const key = [SITE, ids[i % ids.length]!];
    const rtx = db.transaction('tickets', 'readonly');
    const got = rtx.store.get(key);
    if (read) rtx.commit();
    const current = (await got) as ReturnType<typeof row>;
    const t = { ...current.ticket, version: current.ticket.version + 1 };
    const ev = sampleEvent(t, { changes: { tags: [`t${i}`] } });
    const tx = db.transaction(['tickets', 'events'], 'readwrite');
    const tickets = tx.objectStore('tickets');
    const guard = tickets.get(key);
    tickets.put(row(t));
    tx.objectStore('events').add(ev as never);
    await guard;
    if (write) tx.commit();
    await tx.done;
  };
}

/** A write transaction's timeline: until the put's success, then the commit. */
function timeline(db: Raw, ids: string[], label: string): Step {
  return async (i) => {
    const key = [SITE, ids[i % ids.length]!];
    const current = (await db.get('tickets', key)) as ReturnType<typeof row>;
    const t = { ...current.ticket, version: current.ticket.version + 1 };
    const started = performance.now();
    const tx = db.transaction('tickets', 'readwrite');
    const put = tx.store.put(row(t));
    await put;
    const written = performance.now();
    await tx.done;
    const done = performance.now();
    phases[`${label}: put until success`] =
      (phases[`${label}: put until success`] ?? 0) + written - started;
    phases[`${label}: success until complete`] =
      (phases[`${label}: success until complete`] ?? 0) + done - written;
  };
}

/** Read, check and write in one readwrite transaction. */
function oneTransaction(db: Raw, ids: string[]): Step {
  return async (i) => {
    const key = [SITE, ids[i % ids.length]!];
    const tx = db.transaction(['tickets', 'events'], 'readwrite');
    const tickets = tx.objectStore('tickets');
    const current = (await tickets.get(key)) as ReturnType<typeof row>;
    const t = { ...current.ticket, version: current.ticket.version + 1 };
    const ev = sampleEvent(t, { changes: { tags: [`t${i}`] } });
    tickets.put(row(t));
    tx.objectStore('events').add(ev as never);
    await tx.done;
  };
}

/** The command path only: raw idb, the adapter, the desk over it. */
async function deskRows(p: ProfileParams): Promise<ProfileRow[]> {
  const db = await openSchema('all');
  const ids = await seeded(db, 200);
  const bare = await openSchema(0);
  const bareIds = await seeded(bare, 200);
  const store = indexedDbStore({ name: dbName() });
  const batch = records(200, 0);
  await store.importTickets(batch);
  const storeIds = batch.map((r) => r.ticket.id);
  const seededBy = (how: 'create' | 'import') =>
    deskStep(indexedDbStore({ name: dbName() }), 200, how);
  return interleaved(
    'desk',
    [
      ['raw: read tx + write tx (get, put, add)', writeStep(db, ids)],
      ['adapter: getTicket + commit', adapterStep(store, storeIds)],
      ['desk.update, store seeded by import', await seededBy('import')],
      ['desk.update, store seeded by createTicket', await seededBy('create')],
      ['raw, split', rawSplit(db, ids)],
      ['raw, one readwrite transaction', oneTransaction(db, ids)],
      ['timeline, 13 indexes', timeline(db, ids, '13 indexes')],
      ['timeline, no indexes', timeline(bare, bareIds, 'no indexes')],
      ['raw, commit() on the read', committing(db, ids, true, false)],
      ['raw, commit() on the write', committing(db, ids, false, true)],
      ['raw, commit() on both', committing(db, ids, true, true)],
      ['raw, commit() on neither', committing(db, ids, false, false)],
      ['adapter, split', adapterSplit(store, storeIds)],
    ],
    p,
  ).then((rows) => [
    ...rows,
    ...Object.entries(phases).map(([name, ms]) => ({
      group: 'desk',
      name: `phase: ${name}`,
      ms: ms / (p.ops * p.rounds),
    })),
  ]);
}

/** Runs the chosen groups; answers ms per operation for each case. */
export async function profileIndexedDb(
  p: ProfileParams,
): Promise<ProfileRow[]> {
  const groups = {
    command: commandRows,
    desk: deskRows,
    import: importRows,
    shape: shapeRows,
    issue: issueRows,
    chunks: chunkRows,
  } as const;
  const out: ProfileRow[] = [];
  for (const [name, rows] of Object.entries(groups)) {
    if (!p.only || p.only.includes(name as keyof typeof groups)) {
      out.push(...(await rows(p)));
    }
  }
  return out;
}
