import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConflictError,
  type Requester,
  StorageError,
  type TicketStore,
} from '@ticketry/core';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { jsonlStore } from './src/index.js';

/**
 * The parts of the contract that docs/writing-an-adapter.md lists under
 * "What the suite cannot see", checked for this store.
 */
const dir = mkdtempSync(join(tmpdir(), 'ticketry-jsonl-contract-'));
let count = 0;
let store: TicketStore;

async function fresh() {
  store = await jsonlStore({ path: join(dir, `c-${++count}.jsonl`) });
  return store;
}

afterEach(() => store.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const requester = (id: string, email: string, name: string): Requester => ({
  id,
  siteId: 'site-a',
  email,
  name,
  createdAt: '2024-01-01T09:00:00.000Z',
});

describe('jsonl store, beyond the suite', () => {
  it('answers a commit on a missing ticket with a ConflictError and null', async () => {
    await fresh();
    const ghost = bumped(sampleTicket());
    const commit = store.commit({
      ticket: ghost,
      expectedVersion: 1,
      event: sampleEvent(ghost),
    });
    await expect(commit).rejects.toBeInstanceOf(ConflictError);
    await expect(commit).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await store.readFeed(0, 10)).toEqual({ events: [], cursor: 0 });
  });

  it('refuses a second ticket with a used id or ref, writing nothing', async () => {
    await fresh();
    const ticket = sampleTicket();
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    const sameId = sampleTicket({ id: ticket.id, ref: 'T-other' });
    const sameRef = sampleTicket({ id: 'another-id', ref: ticket.ref });
    for (const t of [sameId, sameRef]) {
      await expect(
        store.createTicket({ ticket: t, event: sampleEvent(t) }),
      ).rejects.toBeInstanceOf(StorageError);
    }
    expect((await store.readFeed(0, 10)).events).toHaveLength(1);
    expect(await store.getTicket('site-a', 'another-id')).toBeNull();
  });

  it('gives seq as a number and refuses bad feed arguments', async () => {
    await fresh();
    const ticket = sampleTicket();
    const { event } = await store.createTicket({
      ticket,
      event: sampleEvent(ticket),
    });
    expect(typeof event.seq).toBe('number');
    for (const [after, limit] of [
      [-1, 10],
      [0.5, 10],
      [0, -1],
      [0, Number.NaN],
    ]) {
      await expect(store.readFeed(after!, limit!)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await store.readFeed(0, 0)).toEqual({ events: [], cursor: 0 });
  });

  it('hands out copies: changing what it gave or got changes nothing stored', async () => {
    await fresh();
    const ticket = sampleTicket({ tags: ['vpn'] });
    await store.createTicket({ ticket, event: sampleEvent(ticket) });
    ticket.tags.push('changed by the caller');
    const read = await store.getTicket(ticket.siteId, ticket.id);
    read!.tags.push('changed by a reader');
    const [listed] = (await store.listTickets('site-a', {})).items;
    expect(listed!.tags).toEqual(['vpn']);
  });

  it('finds the requester put first when several share an email', async () => {
    await fresh();
    await store.putRequester(requester('r1', 'Ada@Example.com', 'first'));
    await store.putRequester(requester('r2', 'ada@example.com', 'second'));
    await store.putRequester(requester('r1', 'ADA@example.com', 'renamed'));
    const found = await store.findRequesterByEmail('site-a', 'ada@EXAMPLE.com');
    expect(found).toMatchObject({ id: 'r1', name: 'renamed' });
    await store.putRequester(requester('r1', 'grace@example.com', 'moved'));
    const left = await store.findRequesterByEmail('site-a', 'ada@example.com');
    expect(left?.id).toBe('r2');
    expect(await store.findRequesterByEmail('site-b', 'ada@example.com')).toBe(
      null,
    );
  });

  it('lists agents and teams in first-put order, a replaced one in place', async () => {
    await fresh();
    const team = (id: string, name: string) => ({ id, siteId: 'site-a', name });
    await store.putTeam(team('network', 'Network'));
    await store.putTeam(team('desk', 'Desk'));
    await store.putTeam(team('network', 'Network and VPN'));
    const teams = await store.listTeams('site-a');
    expect(teams.map((t) => t.name)).toEqual(['Network and VPN', 'Desk']);
  });

  it('refuses writes after close, and a second close does nothing', async () => {
    const closed = await fresh();
    await closed.close();
    await closed.close();
    const ticket = sampleTicket();
    await expect(
      closed.createTicket({ ticket, event: sampleEvent(ticket) }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    await expect(closed.nextRef('site-a')).rejects.toBeInstanceOf(StorageError);
  });
});
