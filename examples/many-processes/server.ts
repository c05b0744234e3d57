// One demo-server process of the many-processes example. Its options
// come as JSON in the first argument; it prints `ready <url>` once it
// listens, and stops on SIGTERM.

import { startDemo } from '../server/demo.ts';
import { createLogger } from '../server/log.ts';

const { pgUrl, pgSchema, tickMs } = JSON.parse(process.argv[2] ?? '{}') as {
  pgUrl?: string;
  pgSchema?: string;
  tickMs?: number;
};
if (!pgUrl) {
  console.error('give {"pgUrl": "postgres://…"} as the first argument');
  process.exit(2);
}

const demo = await startDemo({
  port: 0,
  pgUrl,
  pgSchema,
  tickMs,
  seed: false,
  logger: createLogger(),
});
console.log(`ready ${demo.url}`);

process.on('SIGTERM', async () => {
  await demo.close();
  process.exit(0);
});
