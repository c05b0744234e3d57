// `npm start`: the demo server on http://127.0.0.1:8080 (PORT overrides;
// TICKETRY_PG_URL, when set, puts the data in PostgreSQL).

import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

// TICKETRY_DEBUG=1 logs error messages and personal data whole: never in production.
const debug = process.env.TICKETRY_DEBUG === '1';
const log = createLogger({ debug });
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `PORT must be a whole number from 0 to 65535, not ${process.env.PORT}`,
  );
  process.exit(2);
}

const identitySecret = process.env.TICKETRY_IDENTITY_SECRET;
if (identitySecret !== undefined && identitySecret.length < 32) {
  console.error('TICKETRY_IDENTITY_SECRET must be at least 32 characters');
  process.exit(2);
}

function explain(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is in use: stop what uses it, or start with PORT=<another port> npm start`;
  }
  return `the demo server could not start: ${(error as Error).message}`;
}

const demo = await startDemo({
  port,
  dbFile: process.env.TICKETRY_DB ?? '.ticketry/demo.sqlite',
  // Set, the demo runs on PostgreSQL and several processes may share it.
  pgUrl: process.env.TICKETRY_PG_URL,
  // Host sites sign identity tokens with it; unset, one is made per run.
  identitySecret,
  ...(process.env.TICKETRY_CONFIG && {
    configFile: process.env.TICKETRY_CONFIG,
  }),
  logger: log,
  debug,
  // On unless TICKETRY_RATE_LIMIT=off (e.g. for a load test from one address).
  rateLimit: process.env.TICKETRY_RATE_LIMIT !== 'off',
}).catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});

if (demo.apiKey) {
  console.log(
    `\nAPI key of demo-agent, a supervisor (shown once, keep it): ${demo.apiKey}\n`,
  );
} else {
  console.log(
    '\nThe demo agent exists; its API key was printed on the first start.',
  );
  console.log('`npm run agent-key -- demo-agent` makes a new one.');
  console.log(
    demo.backend === 'postgres'
      ? 'Drop the schema ticketry to start over with a new key.\n'
      : 'Delete .ticketry/demo.sqlite to start over with a new key.\n',
  );
}
for (const account of demo.consoleAccounts) {
  console.log(
    `Console ${account.role} (shown once): ${account.email} / ${account.password}`,
  );
}
if (demo.consoleAccounts.length) {
  console.log(`Sign in at ${demo.url}/console\n`);
}
if (demo.identitySecretGenerated) {
  console.log(
    'No TICKETRY_IDENTITY_SECRET set: identity tokens use a secret made for this run.',
  );
}
console.log(`Ticketry demo on ${demo.url}  (Ctrl-C stops it)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    log.info('stopped; database closed', {});
    process.exit(0);
  });
}
