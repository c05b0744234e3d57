// `npm run agent-key -- <agent id>`: makes a new API key for an agent of
// the demo store (for example one from TICKETRY_CONFIG) and prints it
// once. Only its hash is stored.

import { sqliteStore } from '@ticketry/adapters/sqlite';
import { createDesk } from '@ticketry/core';

const agentId = process.argv[2];
if (!agentId) {
  console.error('usage: npm run agent-key -- <agent id>');
  process.exit(2);
}
const store = sqliteStore({
  filename: process.env.TICKETRY_DB ?? '.ticketry/demo.sqlite',
});
try {
  const desk = createDesk({ store });
  console.log(await desk.createApiKey(agentId));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
