import { LIMITS } from '../public/limits.js';
import { check, checkEqual } from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/** Data: large bodies and people records. */
export const dataChecks: ConformanceCheck[] = [
  {
    area: 'large bodies',
    name: 'a description and a message at their limits are kept whole',
    async run({ store }) {
      const big = '€'.repeat(LIMITS.body);
      const ticket = sampleTicket({ description: big });
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const next = bumped(ticket);
      await store.commit({
        ticket: next,
        expectedVersion: 1,
        event: { ...sampleEvent(next), data: { body: big } },
      });
      const read = await store.getTicket(ticket.siteId, ticket.id);
      check(
        read?.description === big,
        `description is ${read?.description.length} chars`,
      );
      const events = await store.listEvents(ticket.siteId, ticket.id);
      check(events[1]?.data?.body === big, 'message body cut');
    },
  },
  {
    area: 'people',
    name: 'requesters, agents, teams, credentials and tokens round trip',
    async run({ store }) {
      const at = '2024-01-01T00:00:00.000Z';
      const requester = {
        id: 'r1',
        siteId: 'site-a',
        email: 'Ada@Example.com',
        name: 'Ada',
        createdAt: at,
      };
      await store.putRequester(requester);
      checkEqual(
        await store.getRequester('site-a', 'r1'),
        requester,
        'requester',
      );
      checkEqual(
        await store.findRequesterByEmail('site-a', 'ada@example.COM'),
        requester,
        'email lookup',
      );
      check(
        (await store.findRequesterByEmail('site-b', 'ada@example.com')) ===
          null,
        'email per site',
      );
      const second = { ...requester, id: 'r2', email: 'ADA@example.com' };
      await store.putRequester(second);
      const byEmail = () =>
        store.findRequesterByEmail('site-a', 'ada@Example.com');
      checkEqual(await byEmail(), requester, 'first holder of an email');
      await store.putRequester({ ...requester, email: 'grace@example.com' });
      checkEqual(
        await byEmail(),
        second,
        "after the first holder's email changed",
      );
      await store.putRequester(requester);
      checkEqual(await byEmail(), requester, 'after it changed back');
      const team = { id: 'net', siteId: 'site-a', name: 'Network' };
      await store.putTeam(team);
      const agent = {
        id: 'a1',
        siteId: 'site-a',
        name: 'Bo',
        email: null,
        role: 'agent' as const,
        teamIds: ['net'],
        active: true,
      };
      await store.putAgent(agent);
      await store.putAgent({ ...agent, active: false });
      checkEqual(
        await store.getAgent('site-a', 'a1'),
        { ...agent, active: false },
        'agent update',
      );
      checkEqual(
        await store.listAgents('site-a'),
        [{ ...agent, active: false }],
        'agents',
      );
      checkEqual(await store.listTeams('site-a'), [team], 'teams');
      checkEqual(await store.getTeam('site-b', 'net'), null, 'teams per site');
      const credential = {
        siteId: 'site-a',
        agentId: 'a1',
        hash: 'h1',
        createdAt: at,
      };
      await store.putCredential(credential);
      checkEqual(await store.findCredential('h1'), credential, 'credential');
      const token = {
        siteId: 'site-a',
        ticketId: 't1',
        hash: 'h2',
        createdAt: at,
      };
      await store.putAccessToken(token);
      checkEqual(await store.findAccessToken('h2'), token, 'token');
      check((await store.findAccessToken('nope')) === null, 'unknown token');
    },
  },
];
