import { createDesk } from '@ticketry/core';
import { expect, it } from 'vitest';
import { type PgliteLike, pgliteDriver, poolDriver } from './driver.js';
import { migratePostgres, postgresMigrations } from './migrations.js';
import { describeOnDatabases } from './test-support.js';

const AT = '2024-01-01T00:00:00.000Z';

describeOnDatabases('postgres secret state (migration 4)', ({ db, open }) => {
  it('upgrades a schema at migration 3: old rows read as before, new ones keep their state', async () => {
    const schema = db().schema();
    const options = db().options(schema) as {
      pglite?: PgliteLike;
      pool?: Parameters<typeof poolDriver>[0];
    };
    const driver = options.pglite
      ? pgliteDriver(options.pglite)
      : poolDriver(options.pool!);
    const at3 = postgresMigrations.findIndex((m) =>
      m.name.startsWith('secret'),
    );
    expect(
      await migratePostgres(driver, schema, postgresMigrations.slice(0, at3)),
    ).toBe(at3);
    await db().query(
      `INSERT INTO "${schema}".credentials (hash, site_id, agent_id, created_at)
       VALUES ('k1', 'default', 'ada', $1)`,
      [AT],
    );
    await db().query(
      `INSERT INTO "${schema}".access_tokens (hash, site_id, ticket_id, created_at)
       VALUES ('t1', 'default', 'ticket-1', $1)`,
      [AT],
    );

    const store = await open({ schema });
    expect(await store.findCredential('k1')).toEqual({
      siteId: 'default',
      agentId: 'ada',
      hash: 'k1',
      createdAt: AT,
    });
    expect(await store.findAccessToken('t1')).toEqual({
      siteId: 'default',
      ticketId: 'ticket-1',
      hash: 't1',
      createdAt: AT,
    });
    const desk = createDesk({ store });
    const { ticket } = await desk.submit({
      subject: 'VPN',
      description: 'Drops.',
      requester: { email: 'ada@example.com' },
    });
    const issued = await desk.issueAccessToken(ticket.id);
    const [row] = await db().query<{ extra: string }>(
      `SELECT extra FROM "${schema}".access_tokens WHERE ticket_id = $1`,
      [ticket.id],
    );
    expect(JSON.parse(row!.extra)).toEqual({ expiresAt: issued.expiresAt });
    await desk.revokeAccessTokens(ticket.id);
    expect(await desk.checkAccessToken(issued.token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });
});
