/**
 * Where an IndexedDB command and an import spend their time, split by
 * what the browser is asked to do: transactions, durability, indexes,
 * the guard read, put against add, record size. Run in Chromium by
 * bench/indexeddb-profile.ts; every figure is milliseconds per
 * operation, the median of a few rounds. Nothing here prints.
 */
import {
  type IndexedDbStore,
  indexedDbStore,
  migrations,
} from '@ticketry/adapters/indexeddb';
import { createDesk, createMemoryStore } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { type IDBPDatabase, openDB, unwrap } from 'idb';

/** What one profiling run is asked to do. */
export interface ProfileParams {
  /** Operations per timed round. */
  ops: number;
  /** Tickets per timed import round. */
  batch: number;
  rounds: number;
  /** Which groups to run. @default every group */
  only?: ('command' | 'desk' | 'import' | 'chunks' | 'shape' | 'issue')[];
}

/** One measured case: milliseconds per operation (median). */
export interface ProfileRow {
  group: string;
  name: string;
  ms: number;
}

const SITE = 'bench';
let names = 0;
const dbName = () => `ticketry-profile-${Date.now()}-${++names}`;

const records = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2024, 0, 1, 9, 0, from + i)).toISOString();
    const t = sampleTicket({
      siteId: SITE,
      ref: `T-${100000 + from + i}`,
      subject: `Printer ${from + i} jams on tray 2`,
      description: 'Every job stops at the second tray with a paper jam.',
      requesterId: `requester-${i % 50}`,
      teamId: i % 2 ? 'desk' : 'network',
      createdAt: at,
      updatedAt: at,
    });
    return { ticket: t, events: [sampleEvent(t)] };
  });

type Records = ReturnType<typeof records>;
type Raw = IDBPDatabase;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The adapter's schema, or its ticket store with the first `n` indexes. */
async function openSchema(indexes: number | 'all'): Promise<Raw> {
  return openDB(dbName(), 1, {
    upgrade(db, old, _next, tx) {
      for (const m of migrations) {
        if (m.version > old) m.apply(db as never, tx as never);
      }
      if (indexes === 'all') return;
      const tickets = tx.objectStore('tickets');
      for (const n of [...tickets.indexNames].slice(indexes)) {
        tickets.deleteIndex(n);
      }
      if (indexes === 0) {
        const events = tx.objectStore('events');
        for (const n of [...events.indexNames]) events.deleteIndex(n);
      }
    },
  });
}

type T = Records[number]['ticket'];

const row = (t: T) => ({
  siteId: t.siteId,
  id: t.id,
  due: t.dueAt ?? '\uffff',
  ticket: t,
});

/** One multiEntry index instead of twelve: each entry names its list. */
const LISTS: [string, (t: T) => string | null, (t: T) => string][] = [];
for (const [f, by] of [
  ['site', () => ''],
  ['status', (t: T) => t.status],
  ['team', (t: T) => t.teamId],
  ['assignee', (t: T) => t.assigneeId],
  ['requester', (t: T) => t.requesterId],
] as const) {
  LISTS.push([`${f}:c`, by, (t) => t.createdAt]);
  LISTS.push([`${f}:u`, by, (t) => t.updatedAt]);
  if (f === 'site' || f === 'status') {
    LISTS.push([`${f}:d`, by, (t) => t.dueAt ?? '\uffff']);
  }
}

const keyedRow = (t: T) => ({
  ...row(t),
  keys: LISTS.flatMap(([name, by, sort]) => {
    const v = by(t);
    return v === null ? [] : [[name, t.siteId, v, sort(t), t.id]];
  }),
});

async function openKeyed(): Promise<Raw> {
  return openDB(dbName(), 1, {
    upgrade(db) {
      const tickets = db.createObjectStore('tickets', {
        keyPath: ['siteId', 'id'],
      });
      tickets.createIndex('ref', ['siteId', 'ticket.ref'], { unique: true });
      tickets.createIndex('lists', 'keys', { multiEntry: true });
      const events = db.createObjectStore('events', {
        keyPath: 'seq',
        autoIncrement: true,
      });
      events.createIndex('id', 'id', { unique: true });
      events.createIndex('ticket', ['siteId', 'ticketId', 'version'], {
        unique: true,
      });
    },
  });
}

type Shape = 'plain' | 'keyed';

async function addAll(
  db: Raw,
  batch: Records,
  how: 'add' | 'put' = 'add',
  shape: Shape = 'plain',
) {
  const tx = db.transaction(['tickets', 'events'], 'readwrite');
  const tickets = tx.objectStore('tickets');
  const events = tx.objectStore('events');
  for (const { ticket, events: history } of batch) {
    tickets[how](shape === 'keyed' ? keyedRow(ticket) : row(ticket));
    for (const e of history) events.add(e as never);
  }
  await tx.done;
}

type Step = (i: number) => Promise<unknown>;

/** The read and the guarded write of a command, with its knobs. */
function writeStep(
  db: Raw,
  ids: string[],
  opts: {
    durability?: IDBTransactionDurability;
    guard?: boolean;
    shape?: Shape;
  } = {},
): Step {
  return async (i) => {
    const key = [SITE, ids[i % ids.length]!];
    const current = (await db.get('tickets', key)) as ReturnType<typeof row>;
    const t = { ...current.ticket, version: current.ticket.version + 1 };
    const ev = sampleEvent(t, { changes: { tags: [`t${i}`] } });
    const tx = db.transaction(['tickets', 'events'], 'readwrite', {
      durability: opts.durability ?? 'default',
    });
    const tickets = tx.objectStore('tickets');
    const read = opts.guard === false ? null : tickets.get(key);
    tickets.put(opts.shape === 'keyed' ? keyedRow(t) : row(t));
    tx.objectStore('events').add(ev as never);
    await read;
    await tx.done;
  };
}

/** Runs every case `p.ops` times per round, the cases taking turns. */
type Cpu = Record<string, number>;
const cpuNow = async (): Promise<Cpu | null> => {
  const probe = (globalThis as { chromiumCpu?: () => Promise<Cpu> })
    .chromiumCpu;
  return probe ? probe() : null;
};

/**
 * Runs every case `p.ops` times per round, the cases taking turns, and
 * answers the median wall time per operation, then (when the page can
 * ask) the CPU time per operation of each Chromium process type.
 */
async function interleaved(
  group: string,
  cases: [string, Step][],
  p: ProfileParams,
  per = p.ops,
): Promise<ProfileRow[]> {
  const rounds = cases.map(() => [] as number[]);
  const cpu = cases.map(() => ({}) as Cpu);
  let i = 0;
  for (let r = 0; r < p.rounds; r++) {
    for (const [c, [, step]] of cases.entries()) {
      const before = await cpuNow();
      const started = performance.now();
      for (let k = 0; k < p.ops; k++) await step(i++);
      rounds[c]!.push((performance.now() - started) / per);
      const after = await cpuNow();
      for (const [type, ms] of Object.entries(after ?? {})) {
        const used = (ms - (before?.[type] ?? 0)) / per / p.rounds;
        cpu[c]![type] = (cpu[c]![type] ?? 0) + used;
      }
    }
  }
  return cases.flatMap(([name], c) => [
    { group, name, ms: median(rounds[c]!) },
    ...Object.entries(cpu[c]!)
      .filter(([, ms]) => ms > 0)
      .map(([type, ms]) => ({ group: 'cpu', name: `  ${type}`, ms })),
  ]);
}

async function seeded(db: Raw, n: number, shape: Shape = 'plain') {
  const batch = records(n, 0);
  await addAll(db, batch, 'add', shape);
  return batch.map((r) => r.ticket.id);
}

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

/** Milliseconds spent in each phase of the split steps, by phase name. */
const phases: Record<string, number> = {};
const phase = async <T>(name: string, work: () => Promise<T>) => {
  const started = performance.now();
  const out = await work();
  phases[name] = (phases[name] ?? 0) + performance.now() - started;
  return out;
};

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
  const tx = unwrap(db).transaction(['tickets', 'events'], 'readwrite');
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
async function issueRows(p: ProfileParams): Promise<ProfileRow[]> {
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
async function shapeRows(p: ProfileParams): Promise<ProfileRow[]> {
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

async function importRows(p: ProfileParams): Promise<ProfileRow[]> {
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
async function chunkRows(p: ProfileParams): Promise<ProfileRow[]> {
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
