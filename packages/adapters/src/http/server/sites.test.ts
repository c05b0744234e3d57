import { createDesk, createMemoryStore, type Desk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './identity.js';
import { serveNode } from './node.js';
import { createMultiSiteHandler, type SiteOptions } from './sites.js';
import { aSubmission } from './test-setup.js';

const PASSWORD = 'correct horse battery';

interface Site {
  id: string;
  key: string;
  origin: string;
  secret: string;
  desk: Desk;
  apiKey: string;
  session: string;
  ticket: { id: string; token: string };
  identity: string;
}

let close: () => Promise<void>;
let url: string;
const sites: Record<'a' | 'b', Site> = {} as never;

/** One store for both sites: records carry their siteId. */
const store = createMemoryStore();

async function makeSite(id: string, key: string): Promise<Site> {
  const desk = createDesk({
    store,
    siteId: id,
    access: { passwordHashing: { ln: 10, r: 8, p: 1 } },
  });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    email: 'ada@example.com',
    role: 'supervisor',
  });
  await desk.setAgentPassword('ada', PASSWORD);
  const secret = `${id}-identity-secret-of-at-least-32-chars`;
  return {
    id,
    key,
    origin: `https://${id}.example`,
    secret,
    desk,
    apiKey: await desk.createApiKey('ada'),
    session: (await desk.signIn('ada@example.com', PASSWORD)).token,
    ticket: { id: '', token: '' },
    identity: await signIdentity(
      {
        userId: 'u-1',
        email: 'grace@example.com',
        site: id,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
      secret,
    ),
  };
}

const siteOptions = (s: Site): SiteOptions => ({
  id: s.id,
  publicKey: s.key,
  desk: s.desk,
  allowedOrigins: [s.origin],
  identity: { secret: s.secret },
});

const at = (s: Site, path: string) => `${url}/api/v1/sites/${s.key}${path}`;

function call(
  site: Site,
  path: string,
  init: { token?: string; body?: unknown; origin?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.origin) headers.origin = init.origin;
  if (init.body) headers['content-type'] = 'application/json';
  return fetch(at(site, path), {
    method: init.body ? 'POST' : 'GET',
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}

beforeAll(async () => {
  sites.a = await makeSite('acme', 'pk_acme');
  sites.b = await makeSite('globex', 'pk_globex');
  const server = await serveNode(
    createMultiSiteHandler({
      sites: [siteOptions(sites.a), siteOptions(sites.b)],
    }),
  );
  url = server.url;
  close = server.close;
  for (const s of [sites.a, sites.b]) {
    const response = await call(s, '/tickets', { body: aSubmission() });
    expect(response.status).toBe(201);
    const body = await response.json();
    s.ticket = { id: body.ticket.id, token: body.accessToken };
  }
});
afterAll(() => close());

describe('several sites on one server', () => {
  it("serve each site's own desk, named by path or by header", async () => {
    expect(await sites.a.desk.get(sites.a.ticket.id)).not.toBeNull();
    expect(await sites.b.desk.get(sites.a.ticket.id)).toBeNull();
    const viaHeader = await fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ticketry-site': 'pk_globex',
      },
      body: JSON.stringify(aSubmission({ subject: 'Sent with the header' })),
    });
    expect(viaHeader.status).toBe(201);
    const { ticket } = await viaHeader.json();
    expect((await sites.b.desk.get(ticket.id))?.subject).toBe(
      'Sent with the header',
    );
    expect(viaHeader.headers.get('location')).toBe(
      `/api/v1/sites/pk_globex/tickets/${ticket.id}`,
    );
    for (const s of [sites.a, sites.b]) {
      const list = await (
        await call(s, '/tickets', { token: s.apiKey })
      ).json();
      expect(
        list.items.every((t: { siteId: string }) => t.siteId === s.id),
      ).toBe(true);
      expect(list.items.length).toBeGreaterThan(0);
    }
  });

  for (const [from, to] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const) {
    it(`refuse every credential of site ${from} on site ${to}`, async () => {
      const mine = sites[from];
      const theirs = sites[to];
      const refused = async (path: string, token: string, code: string) => {
        const response = await call(theirs, path, { token });
        expect(response.status, `${path} ${token.slice(0, 4)}`).toBe(401);
        expect((await response.json()).error.code).toBe(code);
      };
      // The credential works at home.
      expect(
        (
          await call(mine, `/tickets/${mine.ticket.id}`, {
            token: mine.ticket.token,
          })
        ).status,
      ).toBe(200);
      expect(
        (await call(mine, '/tickets', { token: mine.session })).status,
      ).toBe(200);
      expect(
        (await call(mine, '/me/tickets', { token: mine.identity })).status,
      ).toBe(200);
      // And nowhere else: same ticket id, same agent id, same email.
      await refused(
        `/tickets/${mine.ticket.id}`,
        mine.ticket.token,
        'UNAUTHENTICATED',
      );
      await refused(
        `/tickets/${theirs.ticket.id}`,
        mine.ticket.token,
        'UNAUTHENTICATED',
      );
      await refused('/tickets', mine.apiKey, 'UNAUTHENTICATED');
      await refused('/tickets', mine.session, 'UNAUTHENTICATED');
      await refused('/me/tickets', mine.identity, 'IDENTITY_INVALID');
      // Signed with this site's secret but claiming the other site.
      const forged = await signIdentity(
        {
          userId: 'u-1',
          email: 'grace@example.com',
          site: theirs.id,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
        mine.secret,
      );
      await refused('/me/tickets', forged, 'IDENTITY_INVALID');
      // The other site's agent cannot reach this site's ticket either.
      const probe = await call(theirs, `/tickets/${mine.ticket.id}`, {
        token: theirs.apiKey,
      });
      expect(probe.status).toBe(404);
    });
  }

  it('answer CORS for each site with its own origins', async () => {
    const { a, b } = sites;
    const read = await call(a, '/policy', { origin: a.origin });
    expect(read.headers.get('access-control-allow-origin')).toBe(a.origin);
    const foreign = await call(b, '/policy', { origin: a.origin });
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = (where: string, origin: string) =>
      fetch(where, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-ticketry-site',
        },
      });
    const own = await preflight(at(b, '/tickets'), b.origin);
    expect(own.headers.get('access-control-allow-origin')).toBe(b.origin);
    expect(own.headers.get('access-control-allow-headers')).toContain(
      'x-ticketry-site',
    );
    const other = await preflight(at(b, '/tickets'), a.origin);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // No site in a preflight: any site's origin, nobody else's.
    const unnamed = await preflight(`${url}/api/v1/tickets`, a.origin);
    expect(unnamed.headers.get('access-control-allow-origin')).toBe(a.origin);
    const evil = await preflight(
      `${url}/api/v1/tickets`,
      'https://evil.example',
    );
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuse an unknown key, no key, and a header that contradicts the path', async () => {
    const answer = async (response: Response) => [
      response.status,
      (await response.json()).error.code,
    ];
    expect(
      await answer(await fetch(`${url}/api/v1/sites/pk_nope/policy`)),
    ).toEqual([404, 'NOT_FOUND']);
    expect(
      await answer(
        await fetch(`${url}/api/v1/policy`, {
          headers: { 'x-ticketry-site': 'pk_nope' },
        }),
      ),
    ).toEqual([404, 'NOT_FOUND']);
    expect(await answer(await fetch(`${url}/api/v1/policy`))).toEqual([
      400,
      'MALFORMED_REQUEST',
    ]);
    expect(
      await answer(
        await fetch(at(sites.a, '/policy'), {
          headers: { 'x-ticketry-site': 'pk_globex' },
        }),
      ),
    ).toEqual([400, 'MALFORMED_REQUEST']);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it('refuse a configuration that would mix sites', () => {
    const { a, b } = sites;
    const cases: SiteOptions[][] = [
      [],
      [siteOptions(a), { ...siteOptions(b), publicKey: a.key }],
      [siteOptions(a), { ...siteOptions(b), id: a.id }],
      [siteOptions(a), { ...siteOptions(b), desk: a.desk }],
      [{ ...siteOptions(a), id: 'other' }],
      [siteOptions(a), { ...siteOptions(b), identity: { secret: a.secret } }],
      [{ ...siteOptions(a), publicKey: 'has/slash' }],
    ];
    for (const options of cases) {
      expect(() => createMultiSiteHandler({ sites: options })).toThrow(
        TypeError,
      );
    }
  });
});
