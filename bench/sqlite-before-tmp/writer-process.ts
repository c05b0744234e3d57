/**
 * A writer process for the multi-process and crash tests: it opens a
 * desk on a SQLite file and writes through it, printing one line per
 * acknowledged write once the commit has returned:
 *
 *     ack <ticketId> <version> <eventId>
 *
 * and `done <conflicts>` at the end of a bounded run, counting the
 * ConflictErrors it retried.
 *
 * Run as `node --conditions=@ticketry/source --import tsx
 * writer-process.ts '<options as JSON>'`, or as a plain JS bundle of
 * it (writer-bundle.ts) where startup time matters. Lines go out with a
 * synchronous write to the stdout pipe, so a line the parent reads is
 * a write the store had already committed, even if the process is
 * killed right after it.
 */
import { writeSync } from 'node:fs';
import {
  type CommandResult,
  ConflictError,
  createDesk,
  type Desk,
  type Ticket,
} from '@ticketry/core';
import { z } from 'zod';
import { sqliteStore } from './index.js';
import { WRITER_AGENT, WRITER_TEAM } from './writers.js';

const optionsSchema = z.object({
  filename: z.string().min(1),
  /** Used in subjects and idempotency keys; unique per process. */
  name: z.string().min(1),
  synchronous: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  busyTimeoutMs: z.number().int().min(0).default(5000),
  /** How many writes to make; null writes until the process is killed. */
  writes: z.number().int().min(0).nullable(),
  /** Tickets whose `fields.counter` every writer bumps. */
  shared: z.array(z.string()).default([]),
  /**
   * Load, print `loaded`, and open the store only when a line arrives
   * on stdin, so a parent can start a writer ahead of time.
   */
  waitForGo: z.boolean().default(false),
});

/** What a writer process takes as its one JSON argument. */
export type WriterOptions = z.input<typeof optionsSchema>;

let conflicts = 0;

const ctx = (t: Ticket) => ({
  actor: { role: 'agent', id: WRITER_AGENT.id } as const,
  expectedVersion: t.version,
});

/** The next lifecycle step of a ticket, or null once it is closed. */
function nextStep(desk: Desk, t: Ticket): Promise<CommandResult> | null {
  switch (t.status) {
    case 'new': {
      const triage = { impact: 'medium', urgency: 'high' } as const;
      return desk.triage(t.id, { ...triage, teamId: WRITER_TEAM.id }, ctx(t));
    }
    case 'open':
      return desk.assign(t.id, { assigneeId: WRITER_AGENT.id }, ctx(t));
    case 'assigned':
      return desk.start(t.id, {}, ctx(t));
    case 'in_progress':
      return t.version < 6
        ? desk.pend(t.id, { reason: 'vendor' }, ctx(t))
        : desk.resolve(t.id, { code: 'fixed', note: 'Done.' }, ctx(t));
    case 'pending':
      return desk.resume(t.id, {}, ctx(t));
    case 'resolved':
      return desk.close(t.id, {}, ctx(t));
    default:
      return null;
  }
}

/**
 * Reads a ticket, writes against the version read, and starts over on
 * a ConflictError: another writer got there first.
 */
async function readModifyWrite(
  desk: Desk,
  id: string,
  change: (t: Ticket) => Promise<CommandResult> | null,
): Promise<CommandResult | null> {
  for (;;) {
    const ticket = await desk.get(id);
    const pending = ticket && change(ticket);
    if (!pending) return null;
    try {
      return await pending;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      conflicts += 1;
    }
  }
}

const bump = (desk: Desk) => (t: Ticket) => {
  const counter = Number(t.fields['counter'] ?? 0) + 1;
  return desk.update(t.id, { fields: { counter } }, ctx(t));
};

const pick = <T>(items: readonly T[]) =>
  items[Math.floor(Math.random() * items.length)]!;

const say = (line: string) => writeSync(1, `${line}\n`);

function firstLine(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
  });
}

/** What one writer keeps between writes. */
interface WriterState {
  desk: Desk;
  name: string;
  shared: readonly string[];
  /** Its tickets not closed yet, which it walks through the lifecycle. */
  active: string[];
  submitted: number;
}

/** Makes one write: a shared counter bump, a submit, or a step. */
async function writeOnce(w: WriterState): Promise<CommandResult | null> {
  const { desk, name, shared, active } = w;
  if (shared.length > 0 && Math.random() < 0.35) {
    return readModifyWrite(desk, pick(shared), bump(desk));
  }
  if (active.length < 6) {
    w.submitted += 1;
    const result = await desk.submit(
      {
        subject: `Writer ${name}, ticket ${w.submitted}`,
        description: 'Written by a writer process under test.',
        requester: { email: `${name}@example.com` },
      },
      { idempotencyKey: `writer-${name}-${w.submitted}` },
    );
    active.push(result.ticket.id);
    return result;
  }
  const id = pick(active);
  const result = await readModifyWrite(desk, id, (t) => nextStep(desk, t));
  if (!result) active.splice(active.indexOf(id), 1);
  return result;
}

async function main(raw: unknown) {
  const options = optionsSchema.parse(raw);
  if (options.waitForGo) {
    say('loaded');
    await firstLine();
  }
  const { filename, synchronous, busyTimeoutMs, shared } = options;
  const desk = createDesk({
    store: sqliteStore({ filename, synchronous, busyTimeoutMs }),
  });
  // Carry on with tickets an earlier, killed writer left open.
  const open = ['new', 'open', 'assigned', 'in_progress', 'pending'] as const;
  const { items } = await desk.list({ status: [...open, 'resolved'] });
  const active = items.map((t) => t.id).filter((id) => !shared.includes(id));
  const state = { desk, name: options.name, shared, active, submitted: 0 };
  say('ready');

  let acked = 0;
  while (options.writes === null || acked < options.writes) {
    const result = await writeOnce(state);
    if (!result) continue;
    const { event } = result;
    say(`ack ${event.ticketId} ${event.version} ${event.id}`);
    acked += 1;
  }
  await desk.store.close();
  say(`done ${conflicts}`);
  process.stdin.destroy();
}

main(JSON.parse(process.argv[2] ?? '{}')).catch((error: unknown) => {
  const reason = error instanceof Error ? error.stack : String(error);
  writeSync(2, `writer failed: ${reason}\n`);
  process.exit(1);
});
