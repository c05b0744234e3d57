import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '@ticketry/core';
import { extraOf, withExtra } from '../../packages/adapters/src/secret-rows.js';
import { type BodyRow, fromBody } from './rows.js';
import type { Prepare } from './statements.js';

// Upserts keep the row (and its rowid), so lists keep the order in
// which records were first put, as the memory store's maps do.
const upsertBody = (table: string) => `
INSERT INTO ${table} (site_id, id, body) VALUES (?, ?, ?)
ON CONFLICT (site_id, id) DO UPDATE SET body = excluded.body`;

const PUT_REQUESTER = `
INSERT INTO requesters (site_id, id, email_key, body) VALUES (?, ?, ?, ?)
ON CONFLICT (site_id, id) DO UPDATE SET
  email_key = excluded.email_key, body = excluded.body`;

const PUT_CREDENTIAL = `
INSERT INTO credentials (hash, site_id, agent_id, created_at, extra)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (hash) DO UPDATE SET site_id = excluded.site_id,
  agent_id = excluded.agent_id, created_at = excluded.created_at,
  extra = excluded.extra`;

const PUT_TOKEN = `
INSERT INTO access_tokens (hash, site_id, ticket_id, created_at, extra)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (hash) DO UPDATE SET site_id = excluded.site_id,
  ticket_id = excluded.ticket_id, created_at = excluded.created_at,
  extra = excluded.extra`;

// JavaScript's lower-casing, not SQLite's lower(), which folds ASCII
// only: the key must match the memory store for every address.
const emailKey = (email: string) => email.toLowerCase();

/**
 * Requesters, agents, teams, credentials and access tokens, as
 * synchronous calls over one connection. Single-row writes need no
 * explicit transaction: each statement is atomic on its own.
 */
export function peopleOps(prepare: Prepare) {
  const body = <T>(table: string, siteId: string, id: string) =>
    fromBody<T>(
      prepare(`SELECT body FROM ${table} WHERE site_id = ? AND id = ?`).get(
        siteId,
        id,
      ) as BodyRow | undefined,
    );
  const list = <T>(table: string, siteId: string) =>
    (
      prepare(`SELECT body FROM ${table} WHERE site_id = ? ORDER BY rowid`).all(
        siteId,
      ) as BodyRow[]
    ).map((row) => JSON.parse(row.body) as T);

  return {
    putRequester(r: Requester) {
      prepare(PUT_REQUESTER).run(
        r.siteId,
        r.id,
        emailKey(r.email),
        JSON.stringify(r),
      );
    },
    getRequester: (siteId: string, id: string) =>
      body<Requester>('requesters', siteId, id),
    findRequesterByEmail(siteId: string, email: string) {
      const row = prepare(
        `SELECT body FROM requesters WHERE site_id = ? AND email_key = ?
         ORDER BY rowid LIMIT 1`,
      ).get(siteId, emailKey(email)) as BodyRow | undefined;
      return fromBody<Requester>(row);
    },

    putAgent(agent: Agent) {
      prepare(upsertBody('agents')).run(
        agent.siteId,
        agent.id,
        JSON.stringify(agent),
      );
    },
    getAgent: (siteId: string, id: string) => body<Agent>('agents', siteId, id),
    listAgents: (siteId: string) => list<Agent>('agents', siteId),
    putTeam(team: Team) {
      prepare(upsertBody('teams')).run(
        team.siteId,
        team.id,
        JSON.stringify(team),
      );
    },
    getTeam: (siteId: string, id: string) => body<Team>('teams', siteId, id),
    listTeams: (siteId: string) => list<Team>('teams', siteId),

    putCredential(c: Credential) {
      prepare(PUT_CREDENTIAL).run(
        c.hash,
        c.siteId,
        c.agentId,
        c.createdAt,
        extraOf(c),
      );
    },
    findCredential(hash: string): Credential | null {
      const row = prepare(
        `SELECT site_id AS siteId, agent_id AS agentId, hash,
           created_at AS createdAt, extra
         FROM credentials WHERE hash = ?`,
      ).get(hash) as Record<string, unknown> | undefined;
      return row ? withExtra<Credential>(row) : null;
    },
    putAccessToken(t: AccessToken) {
      prepare(PUT_TOKEN).run(
        t.hash,
        t.siteId,
        t.ticketId,
        t.createdAt,
        extraOf(t),
      );
    },
    findAccessToken(hash: string): AccessToken | null {
      const row = prepare(
        `SELECT site_id AS siteId, ticket_id AS ticketId, hash,
           created_at AS createdAt, extra
         FROM access_tokens WHERE hash = ?`,
      ).get(hash) as Record<string, unknown> | undefined;
      return row ? withExtra<AccessToken>(row) : null;
    },
  };
}
