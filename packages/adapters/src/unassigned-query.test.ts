import 'fake-indexeddb/auto';
import {
  createDesk,
  createMemoryStore,
  type Desk,
  type TicketStore,
} from '@ticketry/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedDbStore } from './indexeddb/index.js';
import { describeOnDatabases } from './postgres/test-support.js';
import { sqliteStore } from './sqlite/index.js';
import { tempFiles } from './sqlite/test-support.js';

// `unassigned: true` lists the tickets nobody holds, whatever their
// status, in every store: the console's "Unassigned" queue.

const files = tempFiles();
afterAll(() => files.remove());

const ada = { actor: { role: 'agent', id: 'ada' } } as const;

/** Five tickets: two assigned (one then unassigned again), three never. */
async function seed(desk: Desk) {
  await desk.createTeam({ id: 'net', name: 'Network' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['net'],
  });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { ticket } = await desk.submit({
      subject: `Printer ${i} jams`,
      description: 'Paper jams on every page.',
      requester: { email: `grace${i}@example.com` },
    });
    ids.push(ticket.id);
  }
  await desk.assign(ids[0]!, { assigneeId: 'ada', teamId: 'net' }, ada);
  await desk.assign(ids[1]!, { assigneeId: 'ada', teamId: 'net' }, ada);
  await desk.unassign(ids[1]!, {}, ada);
  await desk.triage(
    ids[2]!,
    { impact: 'low', urgency: 'low', teamId: 'net' },
    ada,
  );
  return { held: ids[0]!, free: ids.slice(1).sort() };
}

async function check(store: TicketStore) {
  const desk = createDesk({ store });
  const { held, free } = await seed(desk);
  const page = await desk.list({ unassigned: true, limit: 100 });
  const ids = page.items.map((t) => t.id);
  expect([...ids].sort()).toEqual(free);
  expect(ids).not.toContain(held);
  expect(page.items.every((t) => t.assigneeId === null)).toBe(true);
  // With other filters and paging, still only the free ones.
  const first = await desk.list({
    unassigned: true,
    limit: 2,
    sort: 'createdAt',
  });
  const rest = await desk.list({
    unassigned: true,
    limit: 10,
    sort: 'createdAt',
    cursor: first.nextCursor,
  });
  expect([...first.items, ...rest.items].map((t) => t.id).sort()).toEqual(free);
  const open = await desk.list({ unassigned: true, status: ['open'] });
  expect(open.items.every((t) => t.status === 'open' && !t.assigneeId)).toBe(
    true,
  );
  expect((await desk.list({ unassigned: false })).items).toHaveLength(5);
}

describe('the unassigned filter', () => {
  it('holds in the memory store', () => check(createMemoryStore()));
  it('holds in the sqlite store', () =>
    check(sqliteStore({ filename: files.file('unassigned') })));
  it('holds in the IndexedDB store', () =>
    check(
      indexedDbStore({
        name: 'unassigned',
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      }),
    ));
});

describeOnDatabases('the unassigned filter', ({ open }) => {
  it('holds in the postgres store', async () => check(await open()));
});
