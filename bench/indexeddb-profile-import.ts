/**
 * Where an IndexedDB import spends its time: index count, put against
 * add, objects against JSON text, promise-wrapped against native
 * requests, one transaction against several. Cases for
 * bench/indexeddb-profile-page.ts. Nothing here prints.
 */
import { indexedDbStore } from '@ticketry/adapters/indexeddb';
import { openDB, unwrap } from 'idb';
import {
  addAll,
  dbName,
  interleaved,
  openKeyed,
  openSchema,
  type ProfileParams,
  type ProfileRow,
  phases,
  type Raw,
  type Records,
  records,
  row,
  type Step,
  type T,
} from './indexeddb-profile-kit.ts';

/** The row with the list fields flat and the ticket as JSON text. */
const flatRow = (t: T) => ({
  siteId: t.siteId,
  id: t.id,
  ref: t.ref,
  status: t.status,
  teamId: t.teamId,
  assigneeId: t.assigneeId,
  requesterId: t.requesterId,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  due: t.dueAt ?? '\uffff',
  body: JSON.stringify(t),
});

const flatEvent = (e: Records[number]['events'][number]) => ({
  id: e.id,
  siteId: e.siteId,
  ticketId: e.ticketId,
  version: e.version,
  body: JSON.stringify(e),
});

/** The adapter's thirteen ticket indexes, over the flat row. */
async function openFlat(indexed: boolean): Promise<Raw> {
  return openDB(dbName(), 1, {
    upgrade(db) {
      const tickets = db.createObjectStore('tickets', {
        keyPath: ['siteId', 'id'],
      });
      const events = db.createObjectStore('events', {
        keyPath: 'seq',
        autoIncrement: true,
      });
      if (!indexed) return;
      tickets.createIndex('ref', ['siteId', 'ref'], { unique: true });
      const sorts = ['createdAt', 'updatedAt', 'due'];
      for (const f of [null, 'status', 'teamId', 'assigneeId', 'requesterId']) {
        for (const sort of f === null || f === 'status'
          ? sorts
          : sorts.slice(0, 2)) {
          const path = ['siteId', f, sort, 'id'].filter((x) => x !== null);
          tickets.createIndex(`${f}:${sort}`, path as string[]);
        }
      }
      events.createIndex('id', 'id', { unique: true });
      events.createIndex('ticket', ['siteId', 'ticketId', 'version'], {
        unique: true,
      });
    },
  });
}

/** Adds a batch; counts the time spent issuing the requests apart. */
async function addTimed(db: Raw, batch: Records, flat: boolean, label: string) {
  const started = performance.now();
  const tx = db.transaction(['tickets', 'events'], 'readwrite');
  const tickets = tx.objectStore('tickets');
  const events = tx.objectStore('events');
  for (const { ticket, events: history } of batch) {
    tickets.add(flat ? flatRow(ticket) : row(ticket));
    for (const e of history) events.add((flat ? flatEvent(e) : e) as never);
  }
  const issued = performance.now();
  await tx.done;
  phases[`${label}: issuing`] =
    (phases[`${label}: issuing`] ?? 0) + (issued - started) / batch.length;
}

/** Native requests: no promise per request, and commit() when asked. */
async function addNative(db: Raw, batch: Records, commit: boolean) {
  const tx = (unwrap(db) as IDBDatabase).transaction(
    ['tickets', 'events'],
    'readwrite',
  );
  const tickets = tx.objectStore('tickets');
  const events = tx.objectStore('events');
  let last: IDBRequest | null = null;
  for (const { ticket, events: history } of batch) {
    tickets.add(row(ticket));
    for (const e of history) last = events.add(e);
  }
  if (commit) tx.commit();
  await new Promise<void>((done, fail) => {
    tx.oncomplete = () => done();
    tx.onabort = () => fail(tx.error);
  });
  return last?.result;
}

/** How the requests of an import are issued and the commit reached. */
export async function issueRows(p: ProfileParams): Promise<ProfileRow[]> {
  let from = 4_000_000;
  const next = () => {
    from += p.batch;
    return records(p.batch, from);
  };
  const store = indexedDbStore({ name: dbName() });
  const dbs = [1, 2, 3].map(() => openSchema('all'));
  const [a, b, c] = await Promise.all(dbs);
  return interleaved(
    'issue',
    [
      ['importTickets (adapter)', () => store.importTickets(next())],
      ['idb promises, Promise.all', () => addAll(a!, next())],
      ['native requests, auto-commit', () => addNative(b!, next(), false)],
      ['native requests, commit()', () => addNative(c!, next(), true)],
    ],
    { ...p, ops: 1 },
    p.batch,
  );
}

/** The same tickets stored as objects or as JSON text, with and without indexes. */
export async function shapeRows(p: ProfileParams): Promise<ProfileRow[]> {
  let from = 3_000_000;
  const next = () => {
    from += p.batch;
    return records(p.batch, from);
  };
  const dbs = {
    objects: await openSchema('all'),
    objectsBare: await openSchema(0),
    json: await openFlat(true),
    jsonBare: await openFlat(false),
  };
  const step =
    (db: Raw, flat: boolean, label: string): Step =>
    () =>
      addTimed(db, next(), flat, label);
  const rows = await interleaved(
    'shape',
    [
      ['objects, 15 indexes', step(dbs.objects, false, 'objects')],
      ['JSON text, 15 indexes', step(dbs.json, true, 'json')],
      ['objects, no indexes', step(dbs.objectsBare, false, 'objects bare')],
      ['JSON text, no indexes', step(dbs.jsonBare, true, 'json bare')],
    ],
    { ...p, ops: 1 },
    p.batch,
  );
  return [
    ...rows,
    ...Object.entries(phases).map(([name, ms]) => ({
      group: 'shape',
      name: `phase: ${name}`,
      ms: ms / p.rounds,
    })),
  ];
}

export async function importRows(p: ProfileParams): Promise<ProfileRow[]> {
  let from = 1_000_000;
  const next = () => {
    from += p.batch;
    return records(p.batch, from);
  };
  const store = indexedDbStore({ name: dbName() });
  const dbs = {
    all: await openSchema('all'),
    eight: await openSchema(8),
    four: await openSchema(4),
    none: await openSchema(0),
    keyed: await openKeyed(),
    put: await openSchema('all'),
  };
  const batchStep =
    (once: (b: Records) => Promise<unknown>): Step =>
    () =>
      once(next());
  const cases: [string, Step][] = [
    ['importTickets (adapter)', batchStep((b) => store.importTickets(b))],
    ['add, 13 ticket indexes', batchStep((b) => addAll(dbs.all, b))],
    ['add, 8 ticket indexes', batchStep((b) => addAll(dbs.eight, b))],
    ['add, 4 ticket indexes', batchStep((b) => addAll(dbs.four, b))],
    ['add, no indexes at all', batchStep((b) => addAll(dbs.none, b))],
    [
      'add, one multiEntry list index',
      batchStep((b) => addAll(dbs.keyed, b, 'add', 'keyed')),
    ],
    [
      'put instead of add, 13 indexes',
      batchStep((b) => addAll(dbs.put, b, 'put')),
    ],
  ];
  const out = await interleaved('import', cases, { ...p, ops: 1 }, p.batch);
  const sample = next();
  const started = performance.now();
  for (const r of sample) structuredClone(r);
  out.push({
    group: 'import',
    name: 'structuredClone of ticket and event (JS only)',
    ms: (performance.now() - started) / sample.length,
  });
  out.push({
    group: 'size',
    name: 'ticket row, JSON chars',
    ms: JSON.stringify(row(sample[0]!.ticket)).length,
  });
  out.push({
    group: 'size',
    name: 'first event, JSON chars',
    ms: JSON.stringify(sample[0]!.events[0]).length,
  });
  return out;
}

/** One import of `p.batch` tickets in one transaction, or in several. */
export async function chunkRows(p: ProfileParams): Promise<ProfileRow[]> {
  let from = 2_000_000;
  const dbs = [await openSchema('all'), await openSchema('all')];
  const bare = [await openSchema(0), await openSchema(0)];
  const chunked =
    (db: Raw, size: number): Step =>
    async () => {
      const batch = records(p.batch, from);
      from += p.batch;
      for (let i = 0; i < batch.length; i += size) {
        await addAll(db, batch.slice(i, i + size));
      }
    };
  const size = Math.max(1, Math.floor(p.batch / 5));
  return interleaved(
    'chunks',
    [
      [`13 indexes, one transaction of ${p.batch}`, chunked(dbs[0]!, p.batch)],
      [`13 indexes, transactions of ${size}`, chunked(dbs[1]!, size)],
      [`no indexes, one transaction of ${p.batch}`, chunked(bare[0]!, p.batch)],
      [`no indexes, transactions of ${size}`, chunked(bare[1]!, size)],
    ],
    { ...p, ops: 1 },
    p.batch,
  );
}
