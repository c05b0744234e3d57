/**
 * The pieces the IndexedDB profile pages share: ticket records, the
 * adapter's schema with some or all of its indexes, the raw write of a
 * command, and a runner that takes the cases in turns and reads
 * Chromium's CPU time around each. Nothing here prints.
 */
import { migrations } from '@ticketry/adapters/indexeddb';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { type IDBPDatabase, openDB } from 'idb';

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

export const SITE = 'bench';
let names = 0;
export const dbName = () => `ticketry-profile-${Date.now()}-${++names}`;

export const records = (count: number, from: number) =>
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

export type Records = ReturnType<typeof records>;
export type Raw = IDBPDatabase;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The adapter's schema, or its ticket store with the first `n` indexes. */
export async function openSchema(indexes: number | 'all'): Promise<Raw> {
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

export type T = Records[number]['ticket'];

export const row = (t: T) => ({
  siteId: t.siteId,
  id: t.id,
  due: t.dueAt ?? '\uffff',
  ticket: t,
});

/** One multiEntry index instead of twelve: each entry names its list. */
export const LISTS: [string, (t: T) => string | null, (t: T) => string][] = [];
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

export const keyedRow = (t: T) => ({
  ...row(t),
  keys: LISTS.flatMap(([name, by, sort]) => {
    const v = by(t);
    return v === null ? [] : [[name, t.siteId, v, sort(t), t.id]];
  }),
});

export async function openKeyed(): Promise<Raw> {
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

export type Shape = 'plain' | 'keyed';

export async function addAll(
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

export type Step = (i: number) => Promise<unknown>;

/** The read and the guarded write of a command, with its knobs. */
export function writeStep(
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
export type Cpu = Record<string, number>;
export const cpuNow = async (): Promise<Cpu | null> => {
  const probe = (globalThis as { chromiumCpu?: () => Promise<Cpu> })
    .chromiumCpu;
  return probe ? probe() : null;
};

/**
 * Runs every case `p.ops` times per round, the cases taking turns, and
 * answers the median wall time per operation, then (when the page can
 * ask) the CPU time per operation of each Chromium process type.
 */
export async function interleaved(
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

export async function seeded(db: Raw, n: number, shape: Shape = 'plain') {
  const batch = records(n, 0);
  await addAll(db, batch, 'add', shape);
  return batch.map((r) => r.ticket.id);
}

/** Milliseconds spent in each phase of the split steps, by phase name. */
export const phases: Record<string, number> = {};
export const phase = async <T>(name: string, work: () => Promise<T>) => {
  const started = performance.now();
  const out = await work();
  phases[name] = (phases[name] ?? 0) + performance.now() - started;
  return out;
};
