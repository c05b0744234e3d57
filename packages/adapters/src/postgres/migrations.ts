import type { PgDriver, PgQueryable } from './driver.js';
import { lockKeys } from './keys.js';
import { recordsTable } from './records.js';

/** One numbered step of the PostgreSQL schema. */
export interface PostgresMigration {
  /** 1, 2, 3 …: the `migrations` table records the steps applied. */
  version: number;
  /** What the step does, for humans reading the history. */
  name: string;
  /** Statements, one each, for a schema name already quoted. */
  statements: (schema: string) => string[];
}

// Every key column is text in the "C" collation, so SQL orders and
// compares exactly as JavaScript strings do (the memory store's order),
// and ISO instants compare as instants.
const C = 'text COLLATE "C"';

const tables = (s: string) => [
  `CREATE TABLE ${s}.tickets (
    site_id ${C} NOT NULL,
    id ${C} NOT NULL,
    ref ${C} NOT NULL,
    version integer NOT NULL,
    status ${C} NOT NULL,
    team_id ${C},
    assignee_id ${C},
    requester_id ${C} NOT NULL,
    priority ${C},
    category ${C},
    created_at ${C} NOT NULL,
    updated_at ${C} NOT NULL,
    due_at ${C},
    claimed_until ${C},
    search tsvector NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (site_id, id),
    UNIQUE (site_id, ref)
  )`,
  `CREATE TABLE ${s}.events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id ${C} NOT NULL UNIQUE,
    site_id ${C} NOT NULL,
    ticket_id ${C} NOT NULL,
    version integer NOT NULL,
    origin ${C},
    body text NOT NULL,
    UNIQUE (site_id, ticket_id, version),
    FOREIGN KEY (site_id, ticket_id) REFERENCES ${s}.tickets (site_id, id)
  )`,
  `CREATE TABLE ${s}.idempotency (
    site_id ${C} NOT NULL,
    key ${C} NOT NULL,
    fingerprint ${C} NOT NULL,
    ticket_id ${C} NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (site_id, key)
  )`,
  `CREATE TABLE ${s}.counters (
    site_id ${C} PRIMARY KEY,
    value bigint NOT NULL
  )`,
  ...['requesters', 'agents', 'teams'].map(
    (table) => `CREATE TABLE ${s}.${table} (
    position bigint GENERATED ALWAYS AS IDENTITY,
    site_id ${C} NOT NULL,
    id ${C} NOT NULL,
    ${table === 'requesters' ? `email_key ${C} NOT NULL,` : ''}
    body text NOT NULL,
    PRIMARY KEY (site_id, id)
  )`,
  ),
  ...['credentials', 'access_tokens'].map(
    (table) => `CREATE TABLE ${s}.${table} (
    hash ${C} PRIMARY KEY,
    site_id ${C} NOT NULL,
    ${table === 'credentials' ? 'agent_id' : 'ticket_id'} ${C} NOT NULL,
    created_at ${C} NOT NULL
  )`,
  ),
];

// The audit trail is append-only in the database itself: any UPDATE,
// DELETE or TRUNCATE of events fails, whoever sends it.
const appendOnly = (s: string) => [
  `CREATE FUNCTION ${s}.refuse_event_change() RETURNS trigger
   LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'ticketry events are append-only: % refused', TG_OP
       USING ERRCODE = 'integrity_constraint_violation';
   END
   $$`,
  `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
   FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_event_change()`,
  `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
   FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_event_change()`,
];

const indexes = (s: string) => [
  `CREATE INDEX tickets_status ON ${s}.tickets (site_id, status, created_at, id)`,
  `CREATE INDEX tickets_team ON ${s}.tickets
   (site_id, team_id, status, created_at, id)`,
  `CREATE INDEX tickets_assignee ON ${s}.tickets
   (site_id, assignee_id, status, created_at, id)`,
  `CREATE INDEX tickets_requester ON ${s}.tickets
   (site_id, requester_id, created_at, id)`,
  `CREATE INDEX tickets_due ON ${s}.tickets (site_id, due_at, id)
   WHERE due_at IS NOT NULL`,
  `CREATE INDEX tickets_created ON ${s}.tickets (site_id, created_at, id)`,
  `CREATE INDEX tickets_updated ON ${s}.tickets (site_id, updated_at, id)`,
  `CREATE INDEX tickets_search ON ${s}.tickets USING gin (search)`,
  `CREATE INDEX requesters_email ON ${s}.requesters (site_id, email_key)`,
  `CREATE INDEX access_tokens_ticket ON ${s}.access_tokens
   (site_id, ticket_id)`,
  `CREATE INDEX idempotency_expiry ON ${s}.idempotency (expires_at)`,
];

// What a credential or access token carries beyond its owner, hash and
// creation (expiry, revocation generation, kind, a password verifier):
// the record's optional keys as JSON text, NULL when it has none.
const secretState = (s: string) => [
  `ALTER TABLE ${s}.credentials ADD COLUMN extra text`,
  `ALTER TABLE ${s}.access_tokens ADD COLUMN extra text`,
];

/**
 * The schema history, oldest first. Append new steps; never edit one
 * that has shipped, since databases in the field already ran it.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  { version: 1, name: 'tables', statements: tables },
  { version: 2, name: 'append-only events', statements: appendOnly },
  {
    version: 3,
    name: 'list, due, search and lookup indexes',
    statements: indexes,
  },
  {
    version: 4,
    name: 'secret state: expiry, revocation, kind (JSON in extra)',
    statements: secretState,
  },
  {
    version: 5,
    name: 'versioned JSON records (cursors, models, rules)',
    statements: recordsTable,
  },
];

async function appliedVersion(db: PgQueryable, s: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT coalesce(max(version), 0)::int AS v FROM ${s}.migrations`,
  );
  return (rows[0] as { v: number }).v;
}

/**
 * Brings `schema` up to the last of `steps`, one transaction per step,
 * so a failed step leaves the schema at the step before it. Each step
 * takes an advisory lock and re-reads the version, so processes that
 * start together apply every step exactly once. Throws when the schema
 * is newer than the steps this package knows.
 *
 * @example
 * await migratePostgres(driver, 'ticketry');
 */
export async function migratePostgres(
  driver: PgDriver,
  schema: string,
  steps: readonly PostgresMigration[] = postgresMigrations,
): Promise<number> {
  steps.forEach((step, i) => {
    if (step.version !== i + 1) {
      throw new Error(`migration ${i + 1} is numbered ${step.version}`);
    }
  });
  const s = `"${schema}"`;
  const [classId, objectId] = lockKeys(schema, 'migrate');
  const applyNext = () =>
    driver.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [
        classId,
        objectId,
      ]);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await db.query(
        `CREATE TABLE IF NOT EXISTS ${s}.migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`,
      );
      const current = await appliedVersion(db, s);
      if (current > steps.length) {
        throw new Error(
          `schema ${schema} is at migration ${current}, but this @ticketry/adapters knows only ${steps.length}: upgrade the package`,
        );
      }
      const next = steps[current];
      if (!next) return current;
      for (const sql of next.statements(s)) await db.query(sql);
      await db.query(
        `INSERT INTO ${s}.migrations (version, name) VALUES ($1, $2)`,
        [next.version, next.name],
      );
      return next.version;
    });
  let version = await applyNext();
  while (version < steps.length) version = await applyNext();
  return version;
}

/** The migration a schema is at (0: none, or no such schema). */
export async function postgresSchemaVersion(
  driver: PgDriver,
  schema: string,
): Promise<number> {
  const [found] = await driver.query<{ t: string | null }>(
    'SELECT to_regclass($1)::text AS t',
    [`"${schema}".migrations`],
  );
  if (!found?.t) return 0;
  const [row] = await driver.query<{ v: number }>(
    `SELECT coalesce(max(version), 0)::int AS v FROM "${schema}".migrations`,
  );
  return row?.v ?? 0;
}
