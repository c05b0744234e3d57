import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { startDemo } from '/work/main/examples/server/demo.ts';
import { createLogger } from '/work/main/examples/server/log.ts';
it('probe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const logger = createLogger({ quiet: true });
  const demo = await startDemo({ port: 0, dbFile: join(dir, 'p.sqlite'), seed: false,
    logger: { ...logger, error: (m, f) => console.error('ERR', m, f) } });
  const r = await fetch(`${demo.url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'New VPN profile', description: 'The office moves.', requester: { email: 'ops@elsewhere.example' } }) });
  const { ticket } = await r.json();
  await new Promise((res) => setTimeout(res, 1500));
  for (const e of await demo.desk.events(ticket.id)) console.error(e.type, e.actor, JSON.stringify(e.changes).slice(0, 200), JSON.stringify(e.data).slice(0,300));
  await demo.close();
});
