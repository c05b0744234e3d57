/**
 * Bulk import for the SQLite section: the store's `importTickets`
 * beside better-sqlite3 by hand inserting the same rows, each into a
 * fresh file of the store's schema. Nothing here prints.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportItem, sqliteStore } from '@ticketry/adapters/sqlite';
import Database from 'better-sqlite3';
import { benchItems } from './postgres-data.ts';

/** Tickets per call and how many calls. */
export interface ImportPlan {
  batch: number;
  repeats: number;
}

const TICKET = `INSERT INTO tickets (site_id, id, ref, version, status,
  team_id, assignee_id, requester_id, priority, category, created_at,
  updated_at, due_at, body)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const EVENT = `INSERT INTO events (id, site_id, ticket_id, version, body)
  VALUES (?, ?, ?, ?, ?)`;

/**
 * The raw baseline: positional prepared statements, one row each, one
 * IMMEDIATE transaction per call, no validation, the indexes kept
 * row by row; the same row values the store writes (the columns and
 * the JSON bodies).
 */
function rawImporter(db: Database.Database) {
  const ticket = db.prepare(TICKET);
  const event = db.prepare(EVENT);
  const write = db.transaction((items: ImportItem[]) => {
    for (const { ticket: t, events } of items) {
      ticket.run(
        t.siteId,
        t.id,
        t.ref,
        t.version,
        t.status,
        t.teamId,
        t.assigneeId,
        t.requesterId,
        t.priority,
        t.category,
        t.createdAt,
        t.updatedAt,
        t.dueAt,
        JSON.stringify(t),
      );
      for (const e of events) {
        event.run(e.id, e.siteId, e.ticketId, e.version, JSON.stringify(e));
      }
    }
  });
  return (items: ImportItem[]) => write.immediate(items);
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Tickets per second per call (of wall time and of this process's CPU
 * time), store and raw call by call into two files that grow alike.
 * Both take the same items, made before the clock starts. The files
 * are removed at the end.
 */
export async function importRates(dir: string, p: ImportPlan) {
  const storeFile = join(dir, 'import-store.sqlite');
  const store = sqliteStore({ filename: storeFile });
  const rawFile = join(dir, 'import-raw.sqlite');
  await sqliteStore({ filename: rawFile }).close();
  const db = new Database(rawFile);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const raw = rawImporter(db);
  const wall = { store: [] as number[], raw: [] as number[] };
  const cpu = { store: [] as number[], raw: [] as number[] };
  try {
    // One untimed call each, then the timed ones; who goes first
    // alternates, so a checkpoint or a busy neighbour hits both alike.
    for (let r = 0; r <= p.repeats; r++) {
      const items = benchItems(p.batch, r * p.batch);
      const timed = {
        store: () => store.importTickets(items),
        raw: async () => raw(items),
      };
      const order =
        r % 2 ? (['raw', 'store'] as const) : (['store', 'raw'] as const);
      for (const who of order) {
        const used = cpuMicros();
        const started = performance.now();
        await timed[who]();
        if (r === 0) continue;
        const n = items.length;
        wall[who].push((n * 1000) / (performance.now() - started));
        cpu[who].push((n * 1e6) / (cpuMicros() - used));
      }
    }
    return { wall, cpu };
  } finally {
    db.close();
    await store.close();
    for (const file of [storeFile, rawFile]) {
      for (const end of ['', '-wal', '-shm'])
        rmSync(file + end, { force: true });
    }
  }
}
