/**
 * A desk on a JSON Lines file, run twice as if the program restarted:
 *
 *     node --conditions=@ticketry/source --import tsx examples/jsonl-adapter/example.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDesk, createManualClock } from '@ticketry/core';
import { jsonlStore } from './src/index.js';

const ada = { actor: { role: 'agent', id: 'ada' } } as const;
const form = {
  subject: 'VPN drops every hour',
  description: 'Since Monday the VPN disconnects on the hour.',
  requester: { email: 'grace@example.com' },
};

/** Works a ticket, closes the store, opens the file again and goes on. */
export async function main(path: string) {
  const clock = createManualClock('2024-03-04T09:00:00Z');
  const first = createDesk({ store: await jsonlStore({ path }), clock });
  await first.createTeam({ id: 'service-desk', name: 'Service desk' });
  await first.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['service-desk'],
  });
  const { ticket } = await first.submit(form, { idempotencyKey: 'form-0001' });
  const triage = {
    impact: 'medium',
    urgency: 'high',
    teamId: 'service-desk',
  } as const;
  await first.triage(ticket.id, triage, ada);
  await first.assign(ticket.id, { assigneeId: 'ada' }, ada);
  await first.start(ticket.id, {}, ada);
  const fix = { code: 'fixed', note: 'Replaced the DHCP lease timer.' };
  await first.resolve(ticket.id, fix, ada);
  await first.store.close();

  // The program starts again a week later: everything comes back from
  // the file, the retried form is answered with the first ticket, and
  // the auto-close timer stored on the ticket fires.
  clock.set('2024-03-11T09:00:00Z');
  const again = createDesk({ store: await jsonlStore({ path }), clock });
  const retry = await again.submit(form, { idempotencyKey: 'form-0001' });
  const fired = await again.tick();
  const now = await again.getByRef(ticket.ref);
  const events = await again.events(ticket.id);
  await again.store.close();

  console.log(now?.ref, now?.status, now?.priority); // T-1001 closed high
  console.log(retry.replayed, retry.ticket.id === ticket.id); // true true
  console.log(fired.map((r) => r.event.type)); // [ 'ticket.closed' ]
  console.log(events.map((e) => e.type));
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  console.log(`${lines.length} lines in ${path}`);
  return { ticket: now, retry, fired, events, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'ticketry-jsonl-example-'));
  try {
    await main(join(dir, 'desk.jsonl'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
