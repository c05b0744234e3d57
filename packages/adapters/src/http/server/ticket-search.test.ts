import {
  createDesk,
  createMemoryStore,
  type TicketStore,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { describeOnDatabases } from '../../postgres/test-support.js';
import { sqliteStore } from '../../sqlite/index.js';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';

/** Serves a desk over `store` with one agent; returns a GET helper. */
async function serve(store: TicketStore) {
  const desk = createDesk({ store });
  await desk.createTeam({ id: 'desk', name: 'Desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['desk'],
  });
  const key = await desk.createApiKey('ada');
  const server = await serveNode(createHttpHandler({ desk }));
  const get = (query: string, token: string | null = key) =>
    fetch(`${server.url}/api/v1/tickets?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  return { desk, server, get };
}

type Served = Awaited<ReturnType<typeof serve>>;

const requester = { email: 'grace@example.com', name: 'Grace' };

/** Three VPN tickets first (oldest), then 60 about printers. */
async function seed({ desk }: Served) {
  const vpn = [];
  for (const i of [0, 1, 2]) {
    const { ticket } = await desk.submit({
      subject: `VPN drops ${i}`,
      description: 'The tunnel closes every hour.',
      requester,
    });
    vpn.push(ticket);
  }
  for (let i = 0; i < 60; i++) {
    await desk.submit({
      subject: `Printer jams ${i}`,
      description: 'Tray 2 jams on every job.',
      requester,
    });
  }
  return vpn;
}

const ids = async (response: Response) => {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.nextCursor).toBeNull();
  return (body.items as { id: string }[]).map((t) => t.id).sort();
};

function searchTests(open: () => Promise<TicketStore>) {
  let served: Served | undefined;
  afterEach(async () => {
    await served?.server.close();
    served = undefined;
  });

  it('finds matches beyond the first page, any case', async () => {
    served = await serve(await open());
    const vpn = await seed(served);
    const plain = await (await served.get('limit=50')).json();
    expect(
      plain.items.some((t: { id: string }) => vpn.some((v) => v.id === t.id)),
    ).toBe(false);
    expect(await ids(await served.get('q=vpn'))).toEqual(
      vpn.map((t) => t.id).sort(),
    );
    expect(await ids(await served.get('q=TUNNEL%20hour'))).toHaveLength(3);
    expect(await ids(await served.get('q=nothing-like-this'))).toEqual([]);
  });

  it('applies filters, sort and limit to the matches', async () => {
    served = await serve(await open());
    const vpn = await seed(served);
    const [held] = vpn;
    await served.desk.execute(
      held!.id,
      { type: 'assign', assigneeId: 'ada', teamId: 'desk' },
      { actor: { role: 'agent', id: 'ada' }, expectedVersion: held!.version },
    );
    const mine = await ids(await served.get('q=vpn&assigneeId=ada'));
    expect(mine).toEqual([held!.id]);
    expect(await ids(await served.get('q=vpn&unassigned=true'))).toHaveLength(
      2,
    );
    const sorted = await (
      await served.get('q=vpn&sort=createdAt&limit=2')
    ).json();
    expect(sorted.items.map((t: { id: string }) => t.id)).toEqual([
      vpn[0]!.id,
      vpn[1]!.id,
    ]);
    expect(await ids(await served.get(`q=${vpn[2]!.ref}`))).toContain(
      vpn[2]!.id,
    );
  });

  it('refuses bad text, cursors and callers without an agent key', async () => {
    served = await serve(await open());
    await seed(served);
    const bad = [
      'q=',
      `q=${'a'.repeat(201)}`,
      'q=vpn%01',
      'q=%20%20',
      'q=vpn&cursor=abc',
    ];
    for (const query of bad) {
      const response = await served.get(query);
      expect(response.status, query).toBe(422);
      expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await served.get(`q=${'a'.repeat(200)}`)).status).toBe(200);
    expect((await served.get('q=vpn', null)).status).toBe(401);
  });
}

describe('GET /tickets?q= on the memory store', () => {
  searchTests(async () => createMemoryStore());
});

describe('GET /tickets?q= on SQLite', () => {
  searchTests(async () => sqliteStore({ filename: ':memory:' }));
});

describeOnDatabases('GET /tickets?q= on PostgreSQL', ({ open }) => {
  searchTests(open);
});
