// `TICKETRY_PG_URL=postgres://… npx tsx examples/many-processes/main.ts`:
// two demo servers on one PostgreSQL schema, until Ctrl-C.

import { postgresStore } from '@ticketry/adapters/postgres';
import { createDesk } from '@ticketry/core';
import pg from 'pg';
import { DEMO_AGENT, DEMO_TEAM } from '../server/demo.ts';
import { startDemoProcess } from './processes.ts';

const pgUrl = process.env.TICKETRY_PG_URL;
if (!pgUrl) {
  console.error('Set TICKETRY_PG_URL to a PostgreSQL database, e.g.');
  console.error('  TICKETRY_PG_URL=postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}
const pgSchema = process.env.TICKETRY_PG_SCHEMA ?? 'ticketry_many';

// The first start makes the demo agent once, before two processes race
// to do it.
const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
const store = await postgresStore({ pool, schema: pgSchema });
const desk = createDesk({ store });
let apiKey: string | null = null;
if (!(await desk.getAgent(DEMO_AGENT))) {
  await desk.createTeam({ id: DEMO_TEAM, name: 'Service desk' });
  await desk.createAgent({
    id: DEMO_AGENT,
    name: 'Demo agent',
    role: 'supervisor',
    teamIds: [DEMO_TEAM],
  });
  apiKey = await desk.createApiKey(DEMO_AGENT);
}
await store.close();
await pool.end();

const servers = await Promise.all([
  startDemoProcess({ pgUrl, pgSchema }),
  startDemoProcess({ pgUrl, pgSchema }),
]);
console.log(apiKey ? `Agent API key (shown once): ${apiKey}` : '');
for (const [i, server] of servers.entries()) {
  console.log(`process ${i + 1}: ${server.url}`);
}
console.log('Submit through one, watch through the other. Ctrl-C stops both.');

process.on('SIGINT', async () => {
  await Promise.all(servers.map((s) => s.stop()));
  process.exit(0);
});
