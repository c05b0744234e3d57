/**
 * The parent's side of the multi-process and crash tests: start writer
 * processes (writer-process.ts), collect the writes they acknowledge,
 * and check a database file against them afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDesk } from '@ticketry/core';
import Database from 'better-sqlite3';
import { sqliteStore } from './index.js';
import type { WriterOptions } from './writer-process.js';

/** The team the writers file tickets under. */
export const WRITER_TEAM = { id: 'ops', name: 'Operations' } as const;

/** The agent the writers act as, a member of {@link WRITER_TEAM}. */
export const WRITER_AGENT = {
  id: 'wren',
  name: 'Wren',
  role: 'agent' as const,
  teamIds: [WRITER_TEAM.id],
};

const SCRIPT = fileURLToPath(new URL('./writer-process.ts', import.meta.url));
// `--import tsx` resolves from the working directory: the repo root.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A write a writer process reported after its commit returned. */
export interface Ack {
  ticketId: string;
  version: number;
  eventId: string;
}

/** A running writer process and what it has reported so far. */
export interface Writer {
  child: ChildProcess;
  acks: Ack[];
  /** ConflictErrors it retried, known once it printed `done`. */
  conflicts: number;
  /** Its stderr, for failure messages. */
  errors: string[];
  /** Resolves once a `waitForGo` writer has loaded its code. */
  loaded: Promise<void>;
  /** Lets a `waitForGo` writer open the store and start writing. */
  go(): void;
  /** Resolves once the store is open and writes begin. */
  ready: Promise<void>;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function lines(stream: NodeJS.ReadableStream, take: (line: string) => void) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) take(line);
  });
}

function signal() {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/**
 * Starts writer-process.ts in a child process with these options:
 * the TypeScript source through tsx, or `bundle`, a plain JS build of
 * it from bundleWriter (writer-bundle.ts), which starts several times faster.
 */
export function startWriter(options: WriterOptions, bundle?: string): Writer {
  const args = bundle
    ? [bundle]
    : ['--conditions=@ticketry/source', '--import', 'tsx', SCRIPT];
  const child = spawn(process.execPath, [...args, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: [options.waitForGo ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  // A writer killed before `go` has closed its end of the pipe.
  child.stdin?.on('error', () => {});
  const acks: Ack[] = [];
  const errors: string[] = [];
  const loaded = signal();
  const ready = signal();
  lines(child.stdout!, (line) => {
    const [word, ticketId, version, eventId] = line.split(' ');
    if (word === 'loaded') loaded.fire();
    if (word === 'ready') ready.fire();
    if (word === 'done') writer.conflicts = Number(ticketId);
    if (word === 'ack') {
      acks.push({
        ticketId: ticketId!,
        version: Number(version),
        eventId: eventId!,
      });
    }
  });
  lines(child.stderr!, (line) => errors.push(line));
  // 'close' waits for the pipes to drain, so every ack line is in.
  const exited = new Promise<{ code: number | null; signal: string | null }>(
    (resolve) => {
      child.once('close', (code, signal) => resolve({ code, signal }));
    },
  );
  const writer: Writer = {
    child,
    acks,
    conflicts: 0,
    errors,
    loaded: loaded.promise,
    go: () => child.stdin?.end('go\n'),
    ready: ready.promise,
    exited,
  };
  return writer;
}

/**
 * Creates the writers' team and agent in a fresh file and submits
 * `sharedCount` tickets that every writer will update; answers their ids.
 */
export async function prepareFile(
  filename: string,
  sharedCount: number,
): Promise<string[]> {
  const desk = createDesk({ store: sqliteStore({ filename }) });
  await desk.createTeam(WRITER_TEAM);
  await desk.createAgent(WRITER_AGENT);
  const shared: string[] = [];
  for (let i = 1; i <= sharedCount; i++) {
    const { ticket } = await desk.submit({
      subject: `Shared ticket ${i}`,
      description: 'Every writer bumps fields.counter on this ticket.',
      requester: { email: 'shared@example.com' },
    });
    shared.push(ticket.id);
  }
  await desk.store.close();
  return shared;
}

/** What {@link inspectFile} found in a database file. */
export interface FileReport {
  /** `PRAGMA integrity_check`: 'ok' when nothing is wrong. */
  integrity: string;
  tickets: number;
  events: number;
  /** Tickets whose version is not their count of audit events. */
  uneven: { id: string; version: number; events: number }[];
  /** Acknowledged writes the file does not hold. */
  lost: Ack[];
  /** Per shared ticket: `fields.counter` and its count of updates. */
  counters: { id: string; counter: number; updates: number }[];
}

/** Checks a file (no writer may be running) against the writes acked. */
export function inspectFile(
  filename: string,
  acks: readonly Ack[],
  shared: readonly string[] = [],
): FileReport {
  const db = new Database(filename, { fileMustExist: true });
  try {
    const scalar = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params);
    const integrity = (db.pragma('integrity_check', { simple: true }) ??
      '') as string;
    const uneven = db
      .prepare(
        `SELECT t.id, t.version, count(e.seq) AS events
         FROM tickets t LEFT JOIN events e
           ON e.site_id = t.site_id AND e.ticket_id = t.id
         GROUP BY t.site_id, t.id
         HAVING count(e.seq) != t.version OR max(e.version) != t.version`,
      )
      .all() as FileReport['uneven'];
    const event = db.prepare(
      `SELECT e.ticket_id AS ticketId, e.version, t.version AS current
       FROM events e JOIN tickets t
         ON t.site_id = e.site_id AND t.id = e.ticket_id
       WHERE e.id = ?`,
    );
    const lost = acks.filter((ack) => {
      const row = event.get(ack.eventId) as
        | { ticketId: string; version: number; current: number }
        | undefined;
      return (
        row?.ticketId !== ack.ticketId ||
        row.version !== ack.version ||
        row.current < ack.version
      );
    });
    const counters = shared.map((id) => ({
      id,
      counter: Number(
        scalar(
          "SELECT body ->> '$.fields.counter' FROM tickets WHERE id = ?",
          id,
        ) ?? 0,
      ),
      updates: scalar(
        "SELECT count(*) FROM events WHERE ticket_id = ? AND body ->> '$.type' = 'ticket.updated'",
        id,
      ) as number,
    }));
    return {
      integrity,
      tickets: scalar('SELECT count(*) FROM tickets') as number,
      events: scalar('SELECT count(*) FROM events') as number,
      uneven,
      lost,
      counters,
    };
  } finally {
    db.close();
  }
}
