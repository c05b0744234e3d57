import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '@ticketry/core';
import { extraOf, withExtra } from '../secret-rows.js';
import type { StoreContext } from './context.js';
import { type BodyRow, fromBody } from './rows.js';

// JavaScript's lower-casing, not SQL lower(), which depends on the
// database's locale: the key must match the memory store everywhere.
const emailKey = (email: string) => email.toLowerCase();

/**
 * Requesters, agents, teams, credentials and access tokens. Upserts
 * keep the row and its `position`, so lists keep the order in which
 * records were first put, as the memory store's maps do.
 */
export function peopleOps({ driver, s }: StoreContext) {
  const upsert = (table: string) => `
    INSERT INTO ${s}.${table} (site_id, id, body) VALUES ($1, $2, $3)
    ON CONFLICT (site_id, id) DO UPDATE SET body = excluded.body`;
  const one = async <T>(table: string, siteId: string, id: string) => {
    const [row] = await driver.query<BodyRow>(
      `SELECT body FROM ${s}.${table} WHERE site_id = $1 AND id = $2`,
      [siteId, id],
      true,
    );
    return fromBody<T>(row);
  };
  const list = async <T>(table: string, siteId: string) => {
    const rows = await driver.query<BodyRow>(
      `SELECT body FROM ${s}.${table} WHERE site_id = $1 ORDER BY position`,
      [siteId],
      true,
    );
    return rows.map((row) => JSON.parse(row.body) as T);
  };
  const putHash = (table: string, owner: string) => `
    INSERT INTO ${s}.${table} (hash, site_id, ${owner}, created_at, extra)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (hash) DO UPDATE SET site_id = excluded.site_id,
      ${owner} = excluded.${owner}, created_at = excluded.created_at,
      extra = excluded.extra`;
  const findHash = async <T>(table: string, owner: string, hash: string) => {
    const [row] = await driver.query<Record<string, unknown>>(
      `SELECT site_id AS "siteId", ${owner} AS "${owner === 'agent_id' ? 'agentId' : 'ticketId'}",
         hash, created_at AS "createdAt", extra
       FROM ${s}.${table} WHERE hash = $1`,
      [hash],
      true,
    );
    return row ? withExtra<T>(row) : null;
  };

  return {
    async putRequester(r: Requester) {
      await driver.query(
        `INSERT INTO ${s}.requesters (site_id, id, email_key, body)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (site_id, id) DO UPDATE SET
           email_key = excluded.email_key, body = excluded.body`,
        [r.siteId, r.id, emailKey(r.email), JSON.stringify(r)],
        true,
      );
    },
    getRequester: (siteId: string, id: string) =>
      one<Requester>('requesters', siteId, id),
    async findRequesterByEmail(siteId: string, email: string) {
      const [row] = await driver.query<BodyRow>(
        `SELECT body FROM ${s}.requesters
         WHERE site_id = $1 AND email_key = $2 ORDER BY position LIMIT 1`,
        [siteId, emailKey(email)],
        true,
      );
      return fromBody<Requester>(row);
    },

    async putAgent(agent: Agent) {
      await driver.query(
        upsert('agents'),
        [agent.siteId, agent.id, JSON.stringify(agent)],
        true,
      );
    },
    getAgent: (siteId: string, id: string) => one<Agent>('agents', siteId, id),
    listAgents: (siteId: string) => list<Agent>('agents', siteId),
    async putTeam(team: Team) {
      await driver.query(
        upsert('teams'),
        [team.siteId, team.id, JSON.stringify(team)],
        true,
      );
    },
    getTeam: (siteId: string, id: string) => one<Team>('teams', siteId, id),
    listTeams: (siteId: string) => list<Team>('teams', siteId),

    async putCredential(c: Credential) {
      await driver.query(
        putHash('credentials', 'agent_id'),
        [c.hash, c.siteId, c.agentId, c.createdAt, extraOf(c)],
        true,
      );
    },
    findCredential: (hash: string) =>
      findHash<Credential>('credentials', 'agent_id', hash),
    async putAccessToken(t: AccessToken) {
      await driver.query(
        putHash('access_tokens', 'ticket_id'),
        [t.hash, t.siteId, t.ticketId, t.createdAt, extraOf(t)],
        true,
      );
    },
    findAccessToken: (hash: string) =>
      findHash<AccessToken>('access_tokens', 'ticket_id', hash),
  };
}
