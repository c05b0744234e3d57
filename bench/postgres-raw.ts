/**
 * The PostgreSQL baselines: pg by hand on one connection, doing what a
 * desk command does to the adapter's tables, without the desk or the
 * adapter. Used by bench/postgres.ts. Nothing here prints.
 */
import { createId, type Ticket } from '@ticketry/core';
import type pg from 'pg';
import { SITE } from './postgres-data.ts';

/**
 * pg by hand on one client, the same work per command: read the ticket
 * under a row lock, check the version, write the ticket (same columns,
 * search vector included) and its event, commit.
 */
export function rawBatch(
  client: pg.Client,
  s: string,
  ids: string[],
  n: number,
) {
  const read = {
    name: 'raw_read',
    text: `SELECT version, body FROM ${s}.tickets
      WHERE site_id = $1 AND id = $2 FOR UPDATE`,
  };
  const write = {
    name: 'raw_write',
    text: `UPDATE ${s}.tickets SET version = $3, status = $4,
      updated_at = $5, body = $6,
      search = setweight(to_tsvector('simple', $7), 'A') ||
        setweight(to_tsvector('simple', $8), 'B')
      WHERE site_id = $1 AND id = $2 AND version = $9`,
  };
  const event = {
    name: 'raw_event',
    text: `INSERT INTO ${s}.events (id, site_id, ticket_id, version, body)
      VALUES ($1, $2, $3, $4, $5)`,
  };
  let step = 0;
  return async () => {
    for (let i = 0; i < n; i++, step++) {
      const id = ids[step % ids.length]!;
      await client.query('BEGIN');
      const { rows } = await client.query({ ...read, values: [SITE, id] });
      const row = rows[0] as { version: number; body: string };
      const ticket = JSON.parse(row.body);
      if (ticket.version !== row.version) throw new Error('torn row');
      const at = new Date().toISOString();
      const next = { ...ticket, version: row.version + 1, updatedAt: at };
      const turn = Math.floor(step / ids.length) % 3;
      if (turn === 2) next.tags = [`round-${step}`];
      const changes = turn === 2 ? { tags: next.tags } : {};
      const data =
        turn === 1 ? { body: `Checked the tray, step ${step}.` } : null;
      const updated = await client.query({
        ...write,
        values: [
          SITE,
          id,
          next.version,
          next.status,
          at,
          JSON.stringify(next),
          next.subject,
          next.description,
          row.version,
        ],
      });
      if (updated.rowCount !== 1) throw new Error('conflict');
      await client.query({
        ...event,
        values: [
          createId(),
          SITE,
          id,
          next.version,
          JSON.stringify({ version: next.version, at, changes, data }),
        ],
      });
      await client.query('COMMIT');
    }
    return n;
  };
}

/** What the baselines write for command `step`, as the desk's turns do. */
function nextOf(ticket: Ticket, step: number, turns: number) {
  const at = new Date().toISOString();
  const version = ticket.version + 1;
  const next: Ticket = { ...ticket, version, updatedAt: at };
  const turn = Math.floor(step / turns) % 3;
  if (turn === 2) next.tags = [`round-${step}`];
  const changes = turn === 2 ? { tags: next.tags } : {};
  const data = turn === 1 ? { body: `Checked the tray, step ${step}.` } : null;
  return { next, at, event: { version, at, changes, data } };
}

/**
 * pg by hand the way the adapter writes: a plain read, then one
 * statement that updates the ticket only at the version read, appends
 * the event under a transaction-scoped advisory lock and sends NOTIFY,
 * committed on its own. Two round trips per command, as the desk's.
 */
export function leanBatch(
  client: pg.Client,
  s: string,
  ids: string[],
  n: number,
) {
  const read = {
    name: 'lean_read',
    text: `SELECT body FROM ${s}.tickets WHERE site_id = $1 AND id = $2`,
  };
  const write = {
    name: 'lean_write',
    text: `WITH updated AS (
      UPDATE ${s}.tickets SET version = $3, status = $4, updated_at = $5,
        body = $6, search = setweight(to_tsvector('simple', $7), 'A') ||
          setweight(to_tsvector('simple', $8), 'B')
      WHERE site_id = $1 AND id = $2 AND version = $9
      RETURNING 1
    ), locked AS (
      SELECT pg_advisory_xact_lock(4242, 1) FROM updated
    ), inserted AS (
      INSERT INTO ${s}.events (id, site_id, ticket_id, version, body)
      SELECT $10, $1, $2, $3, $11 FROM locked
      RETURNING seq
    )
    SELECT (SELECT seq FROM inserted) AS seq,
      (SELECT pg_notify('bench_lean', seq::text) FROM inserted) AS sent`,
  };
  let step = 0;
  return async () => {
    for (let i = 0; i < n; i++, step++) {
      const id = ids[step % ids.length]!;
      const { rows } = await client.query({ ...read, values: [SITE, id] });
      const ticket: Ticket = JSON.parse((rows[0] as { body: string }).body);
      const { next, at, event } = nextOf(ticket, step, ids.length);
      const written = await client.query({
        ...write,
        values: [
          SITE,
          id,
          next.version,
          next.status,
          at,
          JSON.stringify(next),
          next.subject,
          next.description,
          ticket.version,
          createId(),
          JSON.stringify(event),
        ],
      });
      if ((written.rows[0] as { seq: string | null }).seq === null) {
        throw new Error('conflict');
      }
    }
    return n;
  };
}
