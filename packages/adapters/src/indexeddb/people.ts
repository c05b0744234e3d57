import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '@ticketry/core';
import type { Session } from './connection.js';
import type { PersonRow } from './schema.js';

type PeopleStore = 'requesters' | 'agents' | 'teams';

// JavaScript's lower-casing, as in the memory and SQLite stores, so an
// address finds the same requester in every backend.
const emailKey = (email: string) => email.toLowerCase();

/**
 * Requesters, agents, teams, credentials and access tokens. People are
 * listed in the order they were first put, as the memory store does:
 * each row keeps an `order` number given on its first put.
 */
export function peopleOps(session: Session) {
  const site = (siteId: string) => session.range.bound([siteId], [siteId, []]);

  const put = <T extends { siteId: string; id: string }>(
    name: PeopleStore,
    value: T,
    extra: { emailKey?: string } = {},
  ) =>
    session.write([name], async (tx) => {
      const store = tx.objectStore(name);
      const key: [string, string] = [value.siteId, value.id];
      let order = (await store.get(key))?.order;
      if (order === undefined) {
        const last = await store
          .index('order')
          .openKeyCursor(site(value.siteId), 'prev');
        order = ((last?.key[1] as number | undefined) ?? 0) + 1;
      }
      const row: PersonRow<T> = { siteId: key[0], id: key[1], order, value };
      if (extra.emailKey !== undefined) row.emailKey = extra.emailKey;
      await store.put(row as never);
    });

  const get = <T>(name: PeopleStore, siteId: string, id: string) =>
    session.read([name], async (tx) => {
      const row = await tx.objectStore(name).get([siteId, id]);
      return (row?.value as T | undefined) ?? null;
    });

  const list = <T>(name: PeopleStore, siteId: string) =>
    session.read([name], async (tx) => {
      const rows = await tx
        .objectStore(name)
        .index('order')
        .getAll(site(siteId));
      return rows.map((row) => row.value as T);
    });

  const byHash = <T>(name: 'credentials' | 'tokens', hash: string) =>
    session.read([name], async (tx) => {
      const found = await tx.objectStore(name).get(hash);
      return (found as T | undefined) ?? null;
    });

  return {
    putRequester: (r: Requester) =>
      put('requesters', r, { emailKey: emailKey(r.email) }),
    getRequester: (siteId: string, id: string) =>
      get<Requester>('requesters', siteId, id),
    findRequesterByEmail: (siteId: string, email: string) =>
      session.read(['requesters'], async (tx) => {
        const key = emailKey(email);
        const row = await tx
          .objectStore('requesters')
          .index('email')
          .get(session.range.bound([siteId, key], [siteId, key, []]));
        return row?.value ?? null;
      }),

    putAgent: (agent: Agent) => put('agents', agent),
    getAgent: (siteId: string, id: string) => get<Agent>('agents', siteId, id),
    listAgents: (siteId: string) => list<Agent>('agents', siteId),
    putTeam: (team: Team) => put('teams', team),
    getTeam: (siteId: string, id: string) => get<Team>('teams', siteId, id),
    listTeams: (siteId: string) => list<Team>('teams', siteId),

    putCredential: (credential: Credential) =>
      session.write(['credentials'], async (tx) => {
        await tx.objectStore('credentials').put(credential);
      }),
    findCredential: (hash: string) => byHash<Credential>('credentials', hash),
    putAccessToken: (token: AccessToken) =>
      session.write(['tokens'], async (tx) => {
        await tx.objectStore('tokens').put(token);
      }),
    findAccessToken: (hash: string) => byHash<AccessToken>('tokens', hash),
  };
}
