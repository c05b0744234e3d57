/**
 * Lifecycle commands for the SQLite section: the desk on the SQLite
 * store beside better-sqlite3 by hand doing the same read, version
 * check and write, each on a file of its own. Nothing here prints.
 */
import { join } from 'node:path';
import { type SqliteStore, sqliteStore } from '@ticketry/adapters/sqlite';
import { createDesk, createId, type Ticket } from '@ticketry/core';
import Database from 'better-sqlite3';
import { benchItems, SITE } from './postgres-data.ts';

/** How many commands, over how many tickets, how many times. */
export interface CommandPlan {
  workingSet: number;
  commands: number;
  repeats: number;
  /** Untimed rounds first, so the desk's code is optimised when timed. */
  warmRounds: number;
}

type Sync = 'NORMAL' | 'FULL';

const system = { actor: { role: 'system' as const, id: null } };

// Turn by turn: a triage, an internal note, a tag update.
const turnOf = (step: number, size: number) => Math.floor(step / size) % 3;

/** A store on a fresh file, seeded with open tickets; answers their ids. */
export async function seeded(
  file: string,
  synchronous: Sync,
  count: number,
): Promise<{ store: SqliteStore; ids: string[] }> {
  const store = sqliteStore({ filename: file, synchronous });
  const items = benchItems(count, 0, 'open');
  await store.importTickets(items);
  return { store, ids: items.map((item) => item.ticket.id) };
}

/** The desk over the store: triage, note and update in turn. */
export function deskBatch(store: SqliteStore, ids: string[], n: number) {
  const desk = createDesk({ store, siteId: SITE });
  let step = 0;
  return async () => {
    for (let i = 0; i < n; i++, step++) {
      const id = ids[step % ids.length]!;
      const turn = turnOf(step, ids.length);
      if (turn === 0) {
        const impact = (step / ids.length) % 2 ? 'high' : 'medium';
        await desk.triage(id, { impact, urgency: 'high' }, system);
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
    return n;
  };
}

const READ = 'SELECT version, body FROM tickets WHERE site_id = ? AND id = ?';
// The store sets only the columns whose value changed, and these
// commands change none of the indexed ones but updated_at; the store
// used to set every column, which the `every` variant still does.
const UPDATE = {
  changed: `UPDATE tickets SET version = ?, updated_at = ?, body = ?
    WHERE site_id = ? AND id = ? AND version = ?`,
  every: `UPDATE tickets SET version = ?, updated_at = ?, body = ?,
    ref = ?, status = ?, team_id = ?, assignee_id = ?, requester_id = ?,
    priority = ?, category = ?, created_at = ?, due_at = ?
    WHERE site_id = ? AND id = ? AND version = ?`,
};
const EVENT = `INSERT INTO events (id, site_id, ticket_id, version, body)
  VALUES (?, ?, ?, ?, ?)`;

/** Which columns the raw UPDATE sets. */
export type RawColumns = keyof typeof UPDATE;

/**
 * better-sqlite3 by hand, the same work per command in one IMMEDIATE
 * transaction: read the row, check the version, update the columns that
 * change and the body, insert the event, commit.
 */
export function rawBatch(
  db: Database.Database,
  ids: string[],
  n: number,
  columns: RawColumns = 'changed',
) {
  const read = db.prepare(READ);
  const update = db.prepare(UPDATE[columns]);
  const event = db.prepare(EVENT);
  const once = db.transaction((id: string, step: number) => {
    const row = read.get(SITE, id) as { version: number; body: string };
    const ticket = JSON.parse(row.body) as Ticket;
    if (ticket.version !== row.version) throw new Error('torn row');
    const at = new Date().toISOString();
    const next = { ...ticket, version: row.version + 1, updatedAt: at };
    const turn = turnOf(step, ids.length);
    if (turn === 2) next.tags = [`round-${step}`];
    const changes = turn === 2 ? { tags: next.tags } : {};
    const data =
      turn === 1 ? { body: `Checked the tray, step ${step}.` } : null;
    const t = next;
    const every =
      columns === 'every'
        ? [t.ref, t.status, t.teamId, t.assigneeId, t.requesterId].concat([
            t.priority,
            t.category,
            t.createdAt,
            t.dueAt,
          ])
        : [];
    const written = update.run(
      t.version,
      t.updatedAt,
      JSON.stringify(t),
      ...every,
      SITE,
      id,
      row.version,
    );
    if (written.changes !== 1) throw new Error('conflict');
    const type = ['ticket.triaged', 'ticket.noted', 'ticket.updated'][turn];
    const e = {
      id: createId(),
      siteId: SITE,
      ticketId: id,
      version: t.version,
      at,
      actor: system.actor,
      type,
      changes,
      data,
    };
    event.run(e.id, SITE, id, t.version, JSON.stringify(e));
  });
  let step = 0;
  return () => {
    for (let i = 0; i < n; i++, step++) {
      once.immediate(ids[step % ids.length]!, step);
    }
    return n;
  };
}

type Batch = () => Promise<number> | number;

/** Microseconds of CPU this process has used, user and system. */
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Runs the batches in turn, repeat after repeat, and answers per batch
 * its operations per second of wall time and per second of this
 * process's CPU time (which other work on the machine does not slow).
 */
async function interleaved<K extends string>(
  repeats: number,
  batches: Record<K, Batch>,
) {
  const keys = Object.keys(batches) as K[];
  const empty = () =>
    Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<
      K,
      number[]
    >;
  const wall = empty();
  const cpu = empty();
  for (let r = 0; r < repeats; r++) {
    for (const k of keys) {
      const used = cpuMicros();
      const started = performance.now();
      const ops = await batches[k]();
      wall[k].push((ops * 1000) / (performance.now() - started));
      cpu[k].push((ops * 1e6) / (cpuMicros() - used));
    }
  }
  return { wall, cpu };
}

/**
 * Opens a file the store made, with the store's pragmas (its default
 * checkpoint size included), by hand.
 */
function openRaw(file: string, sync: Sync) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Commands per second (wall and CPU) of the desk, of raw SQL updating
 * the changed columns and of raw SQL updating every column, interleaved
 * repeat by repeat at one `synchronous` level; the desk on a file of its
 * own, both raw variants on another.
 */
export async function commandRates(dir: string, sync: Sync, p: CommandPlan) {
  const file = (who: string) => join(dir, `${who}-${sync}.sqlite`);
  const desk = await seeded(file('desk'), sync, p.workingSet);
  const raw = await seeded(file('raw'), sync, p.workingSet);
  await raw.store.close();
  const db = openRaw(file('raw'), sync);
  try {
    const batches = {
      desk: deskBatch(desk.store, desk.ids, p.commands),
      raw: rawBatch(db, raw.ids, p.commands),
      every: rawBatch(db, raw.ids, p.commands, 'every'),
    };
    await interleaved(p.warmRounds, batches);
    return await interleaved(p.repeats, batches);
  } finally {
    db.close();
    await desk.store.close();
  }
}
