import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import { createDesk, eventHash, GENESIS_HASH } from '@ticketry/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVerifyArgs } from './args.ts';
import { formatAuditReport } from './format.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = fileURLToPath(new URL('../..', import.meta.url));
let files = 0;

/** Runs the command as `npm run verify-audit` does. */
function verify(...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      [
        '--conditions=@ticketry/source',
        '--import',
        'tsx',
        'examples/audit/cli.ts',
        ...args,
      ],
      { cwd: root, timeout: 60_000 },
      (error, out, err) =>
        resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}

/** A store file with two worked tickets; answers the file and ids. */
async function storeFile() {
  const filename = join(dir, `desk-${++files}.sqlite`);
  const store = sqliteStore({ filename });
  const desk = createDesk({ store });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  const ada = { actor: { role: 'agent', id: 'ada' } } as const;
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const { ticket } = await desk.submit({
      subject: `Printer ${n}`,
      description: 'Tray 2 jams.',
      requester: { email: `r${n}@example.com` },
    });
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'desk' },
      ada,
    );
    await desk.reply(ticket.id, { body: 'On my way.' }, ada);
    ids.push(ticket.id);
  }
  await store.close();
  return { filename, ids };
}

/** Opens the file as its owner would, without the append-only triggers. */
function ownerOf(filename: string) {
  const db = new Database(filename);
  db.exec('DROP TRIGGER events_no_update');
  return db;
}

describe('npm run verify-audit', () => {
  it('prints OK and exits 0 for an untouched file, 1 once an event is edited', async () => {
    const { filename, ids } = await storeFile();
    const clean = await verify('--db', filename);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^OK: site default, 2 tickets, 6 events/);

    const db = ownerOf(filename);
    db.prepare(
      "UPDATE events SET body = json_set(body, '$.data.body', 'Fixed already.') WHERE ticket_id = ? AND version = 3",
    ).run(ids[1]);
    db.close();
    const tampered = await verify('--db', filename);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(
      /^TAMPERED: .*\n1 ticket broken; first: T-\d+ version 3 \[hash_mismatch\]/,
    );

    const json = await verify('--db', filename, '--ticket', ids[0]!, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      ticketId: ids[0],
      events: 3,
    });
  });

  it('catches a history rewritten whole against heads written down earlier', async () => {
    const { filename, ids } = await storeFile();
    const heads = join(dir, 'heads.json');
    expect((await verify('--db', filename, '--heads', heads)).code).toBe(0);

    const db = ownerOf(filename);
    const rows = db
      .prepare('SELECT seq, body FROM events WHERE ticket_id = ? ORDER BY seq')
      .all(ids[0]) as { seq: number; body: string }[];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const event = JSON.parse(row.body);
      if (event.data?.body) event.data.body = 'Rewritten.';
      event.prevHash = prev;
      event.hash = await eventHash(event);
      prev = event.hash;
      db.prepare('UPDATE events SET body = ? WHERE seq = ?').run(
        JSON.stringify(event),
        row.seq,
      );
    }
    db.prepare(
      "UPDATE tickets SET body = json_set(body, '$.auditHash', ?) WHERE id = ?",
    ).run(prev, ids[0]);
    db.close();

    expect((await verify('--db', filename)).code).toBe(0);
    const anchored = await verify('--db', filename, '--anchors', heads);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toMatch(/\[anchor_mismatch\]/);
  });

  it('exits 2 with the usage for bad arguments or a missing file', async () => {
    const missing = await verify('--db', join(dir, 'none.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no file .*none\.sqlite[\s\S]*usage:/);
    expect(() => parseVerifyArgs([])).toThrow(/exactly one of --db and --pg/);
    expect(() =>
      parseVerifyArgs(['--db', 'a', '--pg', 'postgres://x']),
    ).toThrow(/exactly one/);
    expect(() => parseVerifyArgs(['--pg', 'mysql://x'])).toThrow(
      /--pg: must be a postgres/,
    );
    expect(() => parseVerifyArgs(['--db', 'a', '--colour'])).toThrow(/colour/);
    expect(parseVerifyArgs(['--help'])).toBeNull();
  });
});

describe('the printed report', () => {
  it('names tickets that predate the chain and where the chain starts', () => {
    const text = formatAuditReport({
      ok: true,
      siteId: 'default',
      ticketId: null,
      tickets: 1,
      events: 5,
      unchainedEvents: 3,
      unchainedTickets: 1,
      unchained: [{ ticketId: 't1', ref: 'T-1001', before: 4 }],
      brokenTickets: 0,
      firstBroken: null,
      heads: [],
    });
    expect(text).toBe(
      [
        'OK: site default, 1 ticket, 5 events',
        '3 events in 1 ticket predate the chain and prove nothing:',
        '  T-1001: unchained before version 4',
      ].join('\n'),
    );
  });
});
