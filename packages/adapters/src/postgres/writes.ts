import {
  type AuditEvent,
  type CommitWrite,
  ConflictError,
  type CreateResult,
  type CreateWrite,
  TicketryError,
} from '@ticketry/core';
import type { StoreContext } from './context.js';
import {
  SEARCH_VECTOR,
  TICKET_COLUMNS,
  TICKET_VALUES,
  ticketParams,
  toEvent,
  toTicket,
} from './rows.js';

// $17 event id, $18 event version, $19 event body, $20/$21 feed lock,
// $22 channel, $23 origin. The event is inserted only when the ticket
// row was written, and takes its seq under the feed lock, which is held
// until commit: feed positions are handed out in commit order, so a
// reader of `seq > n` never skips an event that commits late. The
// notification is sent by the same statement, so only on commit.
const appendEvent = (s: string, from: string) => `
locked AS (
  SELECT pg_advisory_xact_lock($20::int, $21::int) FROM ${from}
),
inserted AS (
  INSERT INTO ${s}.events (id, site_id, ticket_id, version, origin, body)
  SELECT $17::text, $1::text, $2::text, $18::int, $23::text, $19::text
  FROM locked
  RETURNING seq
)`;

const NOTIFIED = `(SELECT pg_notify($22::text, json_build_object(
    'seq', seq, 'siteId', $1::text, 'ticketId', $2::text,
    'version', $18::int, 'origin', $23::text)::text) FROM inserted)`;

const createSql = (s: string, idempotent: boolean) => `
WITH ${
  idempotent
    ? `claim AS (
  INSERT INTO ${s}.idempotency AS i
    (site_id, key, fingerprint, ticket_id, expires_at)
  VALUES ($1::text, $24::text, $25::text, $2::text, $26::timestamptz)
  ON CONFLICT (site_id, key) DO UPDATE SET
    fingerprint = excluded.fingerprint, ticket_id = excluded.ticket_id,
    expires_at = excluded.expires_at
  WHERE i.expires_at <= $27::timestamptz
  RETURNING 1
),`
    : ''
}
created AS (
  INSERT INTO ${s}.tickets (${TICKET_COLUMNS})
  SELECT ${TICKET_VALUES} ${idempotent ? 'FROM claim' : ''}
  RETURNING 1
),
${appendEvent(s, 'created')}
SELECT (SELECT seq FROM inserted) AS seq, ${NOTIFIED} AS notified`;

const commitSql = (s: string) => `
WITH updated AS (
  UPDATE ${s}.tickets SET ref = $3::text, version = $4::int,
    status = $5::text, team_id = $6::text, assignee_id = $7::text,
    requester_id = $8::text, priority = $9::text, category = $10::text,
    created_at = $11::text, updated_at = $12::text, due_at = $13::text,
    search = ${SEARCH_VECTOR}, body = $16::text,
    claimed_until = NULL
  WHERE site_id = $1::text AND id = $2::text AND version = $24::int
  RETURNING 1
),
${appendEvent(s, 'updated')}
SELECT (SELECT seq FROM inserted) AS seq, ${NOTIFIED} AS notified,
  (SELECT version FROM ${s}.tickets
   WHERE site_id = $1::text AND id = $2::text) AS current`;

const replaySql = (s: string) => `
SELECT i.fingerprint, t.body AS ticket, e.seq, e.body AS event
FROM ${s}.idempotency i
JOIN ${s}.tickets t ON t.site_id = i.site_id AND t.id = i.ticket_id
JOIN LATERAL (
  SELECT seq, body FROM ${s}.events
  WHERE site_id = i.site_id AND ticket_id = i.ticket_id
  ORDER BY version LIMIT 1
) e ON true
WHERE i.site_id = $1 AND i.key = $2`;

interface ReplayRow {
  fingerprint: string;
  ticket: string;
  seq: string | number;
  event: string;
}

/** Creating and committing tickets, one statement per write. */
export function writeOps(ctx: StoreContext) {
  const { driver, s } = ctx;
  const sql = {
    create: createSql(s, false),
    createIdempotent: createSql(s, true),
    commit: commitSql(s),
    replay: replaySql(s),
    version: `SELECT version FROM ${s}.tickets WHERE site_id = $1 AND id = $2`,
  };

  const eventParams = (event: CreateWrite['event']) => [
    event.id,
    event.version,
    JSON.stringify(event),
    ...ctx.feedLock,
    ctx.channel,
    ctx.origin,
  ];

  async function replay(write: CreateWrite): Promise<CreateResult | null> {
    const { ticket, idempotency } = write;
    const [seen] = await driver.query<ReplayRow>(
      sql.replay,
      [ticket.siteId, idempotency!.key],
      true,
    );
    if (!seen) return null;
    if (seen.fingerprint !== idempotency!.fingerprint) {
      throw new TicketryError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used with a different request body',
      );
    }
    return {
      ticket: toTicket({ body: seen.ticket }),
      event: toEvent({ seq: seen.seq, body: seen.event }),
      replayed: true,
    };
  }

  async function insert(
    write: CreateWrite,
    params: unknown[],
  ): Promise<number | null> {
    const { idempotency } = write;
    if (idempotency) {
      const now = ctx.clock.now();
      const expires = new Date(now.getTime() + ctx.idempotencyRetentionMs);
      params.push(
        idempotency.key,
        idempotency.fingerprint,
        expires.toISOString(),
        now.toISOString(),
      );
    }
    const text = idempotency ? sql.createIdempotent : sql.create;
    const [row] = await driver.query<{ seq: string | null }>(
      text,
      params,
      true,
    );
    return row?.seq == null ? null : Number(row.seq);
  }

  return {
    /**
     * Claims the idempotency key and writes ticket and event in one
     * statement. A key held by another create (even one in flight)
     * makes the claim wait for it and then read its result.
     */
    async create(write: CreateWrite): Promise<CreateResult> {
      const params = [
        ...ticketParams(write.ticket),
        ...eventParams(write.event),
      ];
      for (let attempt = 0; attempt < 3; attempt++) {
        const seq = await insert(write, [...params]);
        if (seq !== null) {
          return {
            ticket: toTicket({ body: params[15] as string }),
            event: toEvent({ seq, body: params[18] as string }),
            replayed: false,
          };
        }
        const replayed = await replay(write);
        if (replayed) return replayed;
        // The key expired and was purged between claim and read.
      }
      throw new Error(`idempotency key ${write.idempotency?.key} kept moving`);
    },

    async commit(write: CommitWrite): Promise<AuditEvent> {
      const { ticket, expectedVersion, event } = write;
      const params = [
        ...ticketParams(ticket),
        ...eventParams(event),
        expectedVersion,
      ];
      const [row] = await driver.query<{
        seq: string | null;
        current: number | null;
      }>(sql.commit, params, true);
      if (row?.seq != null) {
        return toEvent({ seq: row.seq, body: params[18] as string });
      }
      let current = row?.current ?? null;
      if (current === expectedVersion) {
        // The row changed after this statement's snapshot was taken.
        const [fresh] = await driver.query<{ version: number }>(sql.version, [
          ticket.siteId,
          ticket.id,
        ]);
        current = fresh?.version ?? null;
      }
      throw new ConflictError(ticket.id, expectedVersion, current);
    },
  };
}
