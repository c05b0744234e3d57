import { createDesk, createManualClock } from '@ticketry/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion, sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const AT = '2024-01-01T00:00:00.000Z';
const DAY = 86_400_000;

describe('sqlite secret state (migration 5)', () => {
  it('upgrades a file at schema 4: old rows read as before, legacy tokens expire by the desk lifetime', async () => {
    const filename = files.file('v4');
    const before = migrations.findIndex((m) => m.name.startsWith('secret'));
    const old = new Database(filename);
    expect(migrate(old, migrations.slice(0, before))).toBe(before);
    old
      .prepare(
        `INSERT INTO credentials (hash, site_id, agent_id, created_at)
         VALUES ('k1', 'default', 'ada', ?)`,
      )
      .run(AT);
    old.close();

    const store = sqliteStore({ filename });
    expect(schemaVersion(store.database)).toBe(migrations.length);
    expect(await store.findCredential('k1')).toEqual({
      siteId: 'default',
      agentId: 'ada',
      hash: 'k1',
      createdAt: AT,
    });
    const clock = createManualClock(AT);
    const desk = createDesk({
      store,
      clock,
      access: { accessTokenLifetimeMs: DAY },
    });
    const { ticket } = await desk.submit({
      subject: 'VPN',
      description: 'Drops.',
      requester: { email: 'ada@example.com' },
    });
    const token = await desk.createAccessToken(ticket.id);
    const row = store.database
      .prepare('SELECT extra FROM access_tokens WHERE ticket_id = ?')
      .get(ticket.id) as { extra: string };
    expect(JSON.parse(row.extra)).toEqual({
      expiresAt: '2024-01-02T00:00:00.000Z',
    });
    clock.advance(DAY);
    expect((await desk.checkAccessToken(token)).ok).toBe(false);
    await store.close();
  });
});
