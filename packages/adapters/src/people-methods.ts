import type { TicketStore } from '@ticketry/core';

type PeopleName =
  | 'putRequester'
  | 'getRequester'
  | 'findRequesterByEmail'
  | 'putAgent'
  | 'getAgent'
  | 'listAgents'
  | 'putTeam'
  | 'getTeam'
  | 'listTeams'
  | 'putCredential'
  | 'findCredential'
  | 'putAccessToken'
  | 'findAccessToken';

/** The store methods that read and write people and secrets. */
export type PeopleMethods = Pick<TicketStore, PeopleName>;

/** A backend's own people operations: sync (SQLite) or async (PostgreSQL). */
export type PeopleOps = {
  [K in PeopleName]: (
    ...args: Parameters<PeopleMethods[K]>
  ) => Awaited<ReturnType<PeopleMethods[K]>> | ReturnType<PeopleMethods[K]>;
};

/** Runs backend work, refusing a closed store and wrapping failures. */
export type GuardedRun = <T>(
  what: string,
  work: () => Promise<T>,
) => Promise<T>;

/**
 * The people methods of a SQL store: each backend call guarded by the
 * store's `run`, with a message that names what could not be done.
 */
export function guardedPeople(ops: PeopleOps, run: GuardedRun): PeopleMethods {
  return {
    putRequester: (r) =>
      run(`could not save requester ${r.id}`, async () => ops.putRequester(r)),
    getRequester: (siteId, id) =>
      run(`could not read requester ${id}`, async () =>
        ops.getRequester(siteId, id),
      ),
    findRequesterByEmail: (siteId, email) =>
      run('could not look up a requester', async () =>
        ops.findRequesterByEmail(siteId, email),
      ),
    putAgent: (agent) =>
      run(`could not save agent ${agent.id}`, async () => ops.putAgent(agent)),
    getAgent: (siteId, id) =>
      run(`could not read agent ${id}`, async () => ops.getAgent(siteId, id)),
    listAgents: (siteId) =>
      run('could not list agents', async () => ops.listAgents(siteId)),
    putTeam: (team) =>
      run(`could not save team ${team.id}`, async () => ops.putTeam(team)),
    getTeam: (siteId, id) =>
      run(`could not read team ${id}`, async () => ops.getTeam(siteId, id)),
    listTeams: (siteId) =>
      run('could not list teams', async () => ops.listTeams(siteId)),
    putCredential: (c) =>
      run('could not save a credential', async () => ops.putCredential(c)),
    findCredential: (hash) =>
      run('could not look up a credential', async () =>
        ops.findCredential(hash),
      ),
    putAccessToken: (t) =>
      run('could not save an access token', async () => ops.putAccessToken(t)),
    findAccessToken: (hash) =>
      run('could not look up an access token', async () =>
        ops.findAccessToken(hash),
      ),
  };
}
