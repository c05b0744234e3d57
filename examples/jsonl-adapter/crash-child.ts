/**
 * Run by jsonl-file.test.ts in a child process: writes a ticket, an
 * idempotency key and a commit, prints what it wrote, then kills its
 * own process without closing the store.
 */
import { writeSync } from 'node:fs';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { jsonlStore } from './src/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: crash-child.ts <file>');

const store = await jsonlStore({ path, fsync: 'never' });
const ticket = sampleTicket();
const key = 'killed-0001';
await store.createTicket({
  ticket,
  event: sampleEvent(ticket),
  idempotency: { key, fingerprint: 'a'.repeat(64) },
});
const next = bumped(ticket, { subject: 'written before the kill' });
await store.commit({
  ticket: next,
  expectedVersion: 1,
  event: sampleEvent(next),
});
// A synchronous write: the kill must not race a pipe's buffer.
writeSync(1, JSON.stringify({ siteId: ticket.siteId, id: ticket.id, key }));
process.kill(process.pid, 'SIGKILL');
