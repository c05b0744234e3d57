import { randomBytes } from 'node:crypto';
import { postgresStore } from '@ticketry/adapters/postgres';
import {
  type AuditEvent,
  ConflictError,
  createDesk,
  type Desk,
} from '@ticketry/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_TEAM } from '../server/demo.ts';
import { type DemoProcess, startDemoProcess } from './processes.ts';

const PG_URL = process.env.TICKETRY_PG_URL;
const schema = `many_${process.pid}_${randomBytes(3).toString('hex')}`;

let pool: pg.Pool;
let desk: Desk;
let apiKey: string;
let a: DemoProcess;
let b: DemoProcess;

async function api(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return { status: response.status, body: await response.json() };
}

/** Posts until the answer is not a version conflict. */
async function untilAccepted(base: string, path: string, body: object) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await api(base, path, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (answer.status !== 412) return answer;
  }
  throw new Error(`${path} kept conflicting`);
}

/**
 * Runs a desk command again after a version conflict: the demo's own
 * listeners (routing, classification) write to a new ticket at any
 * moment, so a direct write can meet theirs.
 */
async function again<T>(command: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await command();
    } catch (error) {
      if (attempt >= 10 || !(error instanceof ConflictError)) throw error;
    }
  }
}

/** Reads server-sent `ticket` events until one satisfies `wanted`. */
async function waitForStreamEvent(
  url: string,
  wanted: (ticket: { version: number; status: string }) => boolean,
  onOpen: () => Promise<void>,
) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = response
    .body!.pipeThrough(new TextDecoderStream())
    .getReader();
  let text = '';
  let opened = false;
  const timeout = setTimeout(() => abort.abort(), 15_000);
  try {
    for (;;) {
      const { value, done } = await reader.read().catch((error) => {
        throw abort.signal.aborted
          ? new Error(`no wanted ticket event within 15 s; got:\n${text}`)
          : error;
      });
      if (done) throw new Error(`the stream ended; it sent:\n${text}`);
      text += value;
      for (const block of text.split('\n\n').slice(0, -1)) {
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!block.includes('event: ticket') || !data) continue;
        if (!opened) {
          opened = true;
          await onOpen();
        }
        const ticket = JSON.parse(data);
        if (wanted(ticket)) return ticket;
      }
    }
  } finally {
    clearTimeout(timeout);
    abort.abort();
  }
}

const closedEvents = (events: AuditEvent[]) =>
  events.filter((e) => e.type === 'ticket.closed').length;

describe.skipIf(!PG_URL)(
  'two demo processes on one PostgreSQL (skipped without TICKETRY_PG_URL: PGlite lives in one process, so two processes need a real server)',
  () => {
    beforeAll(async () => {
      pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
      const store = await postgresStore({ pool, schema });
      // Resolved tickets close themselves 1.5 s later, so the test can
      // watch both processes' timers race for them.
      desk = createDesk({ store, autoCloseAfterMs: 1500 });
      await desk.createTeam({ id: DEMO_TEAM, name: 'Service desk' });
      await desk.createAgent({
        id: DEMO_AGENT,
        name: 'Demo agent',
        role: 'supervisor',
        teamIds: [DEMO_TEAM],
      });
      apiKey = await desk.createApiKey(DEMO_AGENT);
      const options = { pgUrl: PG_URL!, pgSchema: schema, tickMs: 100 };
      [a, b] = await Promise.all([
        startDemoProcess(options),
        startDemoProcess(options),
      ]);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await desk?.store.close();
      await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool?.end();
    });

    it('lose nothing of concurrent submits and notes sent to both', async () => {
      const submits = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api(i % 2 ? b.url : a.url, '/tickets', {
            method: 'POST',
            body: JSON.stringify({
              subject: `Concurrent ${i}`,
              description: 'Sent to one of two processes.',
              requester: { email: `r${i}@example.com` },
            }),
          }),
        ),
      );
      expect(submits.map((s) => s.status)).toEqual(Array(40).fill(201));
      const ids = submits.map((s) => s.body.ticket.id);
      const refs = submits.map((s) => s.body.ticket.ref);
      expect(new Set(ids).size).toBe(40);
      expect(new Set(refs).size).toBe(40);

      const target = ids[0];
      const notes = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          untilAccepted(i % 2 ? b.url : a.url, `/tickets/${target}/messages`, {
            body: `note ${i}`,
            visibility: 'internal',
          }),
        ),
      );
      expect(notes.map((n) => n.status)).toEqual(Array(30).fill(201));
      const { body } = await api(b.url, `/tickets/${target}/events`);
      const bodies = body.events
        .map((e: AuditEvent) => e.data?.body)
        .filter(Boolean)
        .sort();
      expect(bodies).toEqual(
        Array.from({ length: 30 }, (_, i) => `note ${i}`).sort(),
      );
      // The submit, the 30 notes, and whatever the demo's routing and
      // classification wrote: every version once, none lost.
      const n = body.events.length;
      expect(n).toBeGreaterThanOrEqual(31);
      expect(body.events.map((e: AuditEvent) => e.version)).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
      const ticket = await api(a.url, `/tickets/${target}`);
      expect(ticket.body.version).toBeGreaterThanOrEqual(n);
    }, 60_000);

    it('carry a status change made through A to a stream served by B', async () => {
      const created = await api(a.url, '/tickets', {
        method: 'POST',
        body: JSON.stringify({
          subject: 'Watched from the other process',
          description: 'The stream is on B, the command goes to A.',
          requester: { email: 'watcher@example.com' },
        }),
      });
      const { id } = created.body.ticket;
      let changed = { status: '', version: 0 };
      let before = 0;
      const seen = await waitForStreamEvent(
        `${b.url}/api/v1/tickets/${id}/stream`,
        (t) => t.version === changed.version && t.status === changed.status,
        async () => {
          // The demo's own listeners (routing, classification) may write
          // to a new ticket at any moment: read the current version just
          // before the command, and again after a conflict.
          for (let attempt = 0; attempt < 20; attempt++) {
            before = (await api(a.url, `/tickets/${id}`)).body.version;
            const answer = await api(a.url, `/tickets/${id}/commands`, {
              method: 'POST',
              headers: { 'if-match': `"${before}"` },
              body: JSON.stringify({
                type: 'triage',
                impact: 'low',
                urgency: 'low',
                teamId: DEMO_TEAM,
              }),
            });
            if (answer.status === 412) continue;
            expect(answer.status).toBe(200);
            changed = answer.body.ticket;
            return;
          }
          throw new Error('the triage kept conflicting');
        },
      );
      expect(seen.status).not.toBe('new');
      expect(seen.version).toBe(before + 1);
    }, 30_000);

    it('fire an auto-close due while both run once, whichever ticks', async () => {
      const sam = { actor: { role: 'supervisor', id: DEMO_AGENT } } as const;
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const { ticket } = await desk.submit({
          subject: `Closes itself ${i}`,
          description: 'Resolved now, due to close in 1.5 s.',
          requester: { email: 'due@example.com' },
        });
        await again(() =>
          desk.triage(
            ticket.id,
            { impact: 'low', urgency: 'low', teamId: DEMO_TEAM },
            sam,
          ),
        );
        await again(() =>
          desk.assign(ticket.id, { assigneeId: DEMO_AGENT }, sam),
        );
        await again(() =>
          desk.resolve(ticket.id, { code: 'fixed', note: 'Done.' }, sam),
        );
        ids.push(ticket.id);
      }
      await expect
        .poll(
          async () => {
            const events = await Promise.all(ids.map((id) => desk.events(id)));
            return events.filter((e) => closedEvents(e) > 0).length;
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBe(20);
      // More ticks of both processes find nothing left to close.
      await new Promise((resolve) => setTimeout(resolve, 600));
      for (const id of ids) {
        expect(closedEvents(await desk.events(id))).toBe(1);
      }
      const closedBy = (p: DemoProcess) =>
        p.lines
          .map((line) => /auto-closed tickets=(\d+)/.exec(line)?.[1])
          .reduce((sum, n) => sum + Number(n ?? 0), 0);
      // A tick logs its count when it has gone through every due ticket,
      // which under load can be seconds after its last close.
      await expect
        .poll(() => closedBy(a) + closedBy(b), { timeout: 15_000 })
        .toBe(20);
    }, 90_000);
  },
);
