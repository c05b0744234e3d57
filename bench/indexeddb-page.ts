/**
 * The IndexedDB measurements, run inside a page (bench/indexeddb.ts
 * bundles this file for Chromium) or in Node on fake-indexeddb when no
 * Chromium is found. Nothing here prints.
 */
import {
  type ImportRecord,
  indexedDbStore,
} from '@ticketry/adapters/indexeddb';
import { createDesk, type Ticket } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';
import {
  openAdapterSchema,
  openBareSchema,
  type RawPlan,
  rawCommands,
  rawImport,
} from './indexeddb-raw.ts';

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
  /** idb by hand: read, check and write in one read-write transaction. */
  raw: number[];
  /** idb by hand: a read, then a read-write transaction that checks. */
  rawTwo: number[];
  strict: number[];
  imports: number[];
  rawImports: number[];
  /** The same rows into stores without indexes: the browser's floor. */
  bareImports: number[];
  /**
   * Chromium's CPU milliseconds per operation of each kind above, by
   * process type (`browser` holds the IndexedDB backend), summed over
   * the repeats; empty when the page cannot ask (fake-indexeddb).
   */
  cpu: Partial<Record<SampleKind, Record<string, number>>>;
}

/** The kinds of measurement in {@link PageSamples}. */
export type SampleKind = Exclude<keyof PageSamples, 'cpu'>;

type Cpu = Record<string, number>;

/** Chromium's CPU time so far, when bench/indexeddb-chromium.ts gives it. */
const chromiumCpu = async (): Promise<Cpu | null> => {
  const probe = (globalThis as { chromiumCpu?: () => Promise<Cpu> })
    .chromiumCpu;
  return probe ? probe() : null;
};

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

/** Runs `work`, adds its rate to `out[kind]` and its CPU to `out.cpu`. */
async function measure(
  out: PageSamples,
  kind: SampleKind,
  ops: number,
  work: () => Promise<unknown>,
) {
  const before = await chromiumCpu();
  const started = performance.now();
  await work();
  out[kind].push((ops * 1000) / (performance.now() - started));
  const after = await chromiumCpu();
  if (!before || !after) return;
  const cpu = out.cpu[kind] ?? {};
  out.cpu[kind] = cpu;
  for (const [type, ms] of Object.entries(after)) {
    cpu[type] = (cpu[type] ?? 0) + (ms - (before[type] ?? 0)) / ops;
  }
}

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

/** idb by hand on the adapter's schema, doing what the desk does. */
async function rawRunner(p: PageParams, plan: RawPlan) {
  const db = await openAdapterSchema(dbName('raw'));
  const seeded = records(p.workingSet, 0);
  await rawImport(db, seeded);
  const ids = seeded.map((r) => r.ticket.id);
  const batch = rawCommands(db, SITE, ids, p.commands, plan);
  return async () => {
    await batch();
  };
}

/** `items` turned `by` places, so that no item always runs first. */
const rotated = <T>(items: T[], by: number) =>
  items.map((_, i) => items[(i + by) % items.length]!);

/**
 * Runs every measurement, interleaving the adapter and its raw
 * baseline repeat by repeat so that drift falls on both alike. The
 * order turns each repeat, and the commands all run before the
 * imports: the storage work an import leaves behind (LevelDB writing
 * out and compacting) would otherwise fall on whichever command batch
 * came next.
 */
export async function measureIndexedDb(p: PageParams): Promise<PageSamples> {
  const out: PageSamples = {
    lifecycle: [],
    raw: [],
    rawTwo: [],
    strict: [],
    imports: [],
    rawImports: [],
    bareImports: [],
    cpu: {},
  };
  const commands: [SampleKind, () => Promise<void>][] = [
    ['lifecycle', await deskRunner('default', p)],
    ['raw', await rawRunner(p, 'one transaction')],
    ['rawTwo', await rawRunner(p, 'two transactions')],
    ['strict', await deskRunner('strict', p)],
  ];
  for (const [, batch] of commands) await batch();
  for (let r = 0; r < p.repeats; r++) {
    for (const [kind, batch] of rotated(commands, r)) {
      await measure(out, kind, p.commands, batch);
    }
  }

  const importer = indexedDbStore({ name: dbName('import') });
  const rawDb = await openAdapterSchema(dbName('raw-import'));
  const bareDb = await openBareSchema(dbName('bare-import'));
  let from = 1_000_000;
  const imports: [SampleKind, (b: ImportRecord[]) => Promise<unknown>][] = [
    ['imports', (b) => importer.importTickets(b)],
    ['rawImports', (b) => rawImport(rawDb, b)],
    ['bareImports', (b) => rawImport(bareDb, b)],
  ];
  for (let r = 0; r < p.repeats; r++) {
    for (const [kind, write] of rotated(imports, r)) {
      const batch = records(p.importBatch, from);
      from += p.importBatch;
      await measure(out, kind, p.importBatch, () => write(batch));
    }
  }
  return out;
}
