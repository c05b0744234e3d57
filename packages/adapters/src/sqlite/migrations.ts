import type Database from 'better-sqlite3';
import { APPEND_ONLY_EVENTS } from './append-only.js';
import { RECORDS_TABLE } from './records.js';

/** One numbered step of the SQLite schema. */
export interface SqliteMigration {
  /** 1, 2, 3 …: `PRAGMA user_version` holds the last one applied. */
  version: number;
  /** What the step does, for humans reading the history. */
  name: string;
  /** Statements run inside the migration's transaction. */
  sql: string;
}

const TABLES = `
CREATE TABLE tickets (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  ref TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  team_id TEXT,
  assignee_id TEXT,
  requester_id TEXT NOT NULL,
  priority TEXT,
  category TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  due_at TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, id),
  UNIQUE (site_id, ref)
);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  site_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (site_id, ticket_id, version),
  FOREIGN KEY (site_id, ticket_id) REFERENCES tickets (site_id, id)
);

CREATE TABLE idempotency (
  site_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (site_id, key),
  FOREIGN KEY (site_id, ticket_id) REFERENCES tickets (site_id, id)
);

CREATE TABLE counters (
  site_id TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

CREATE TABLE requesters (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  email_key TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE agents (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE teams (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE credentials (
  hash TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE access_tokens (
  hash TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;

// The feed reads `events` by `seq`, its rowid, so it needs no index of
// its own; a ticket's history is served by UNIQUE (site_id, ticket_id,
// version). Sorted lists end on id, hence the trailing id columns.
const INDEXES = `
CREATE INDEX tickets_status ON tickets (site_id, status);
CREATE INDEX tickets_team ON tickets (site_id, team_id);
CREATE INDEX tickets_assignee ON tickets (site_id, assignee_id);
CREATE INDEX tickets_requester ON tickets (site_id, requester_id);
CREATE INDEX tickets_due ON tickets (site_id, due_at, id);
CREATE INDEX tickets_created ON tickets (site_id, created_at, id);
CREATE INDEX tickets_updated ON tickets (site_id, updated_at, id);
CREATE INDEX requesters_email ON requesters (site_id, email_key);
CREATE INDEX access_tokens_ticket ON access_tokens (site_id, ticket_id);
`;

// A filter by team, assignee or status walks its index in the default
// order (newest first) and stops after a page, instead of reading every
// ticket of the team and sorting them. Assignee and due dates are
// mostly empty, and lists ask only for set values, so those two
// indexes keep only the rows that have one.
const LIST_INDEXES = `
DROP INDEX tickets_status;
DROP INDEX tickets_team;
DROP INDEX tickets_assignee;
DROP INDEX tickets_requester;
DROP INDEX tickets_due;
CREATE INDEX tickets_status ON tickets (site_id, status, created_at, id);
CREATE INDEX tickets_team ON tickets
  (site_id, team_id, status, created_at, id);
CREATE INDEX tickets_assignee ON tickets
  (site_id, assignee_id, status, created_at, id)
  WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_requester ON tickets
  (site_id, requester_id, created_at, id);
CREATE INDEX tickets_due ON tickets (site_id, due_at, id)
  WHERE due_at IS NOT NULL;
`;

// What a credential or access token carries beyond its owner, hash and
// creation (expiry, revocation generation, kind, a password verifier):
// the record's optional keys as JSON, NULL when it has none.
const SECRET_STATE = `
ALTER TABLE credentials ADD COLUMN extra TEXT;
ALTER TABLE access_tokens ADD COLUMN extra TEXT;
`;

/**
 * The schema history, oldest first. Append new steps; never edit one
 * that has shipped, since databases in the field already ran it.
 */
export const migrations: readonly SqliteMigration[] = [
  { version: 1, name: 'tables', sql: TABLES },
  { version: 2, name: 'list, lookup and feed indexes', sql: INDEXES },
  {
    version: 3,
    name: 'list indexes in page order, partial where mostly empty',
    sql: LIST_INDEXES,
  },
  { version: 4, name: 'append-only events', sql: APPEND_ONLY_EVENTS },
  {
    version: 5,
    name: 'secret state: expiry, revocation, kind (JSON in extra)',
    sql: SECRET_STATE,
  },
  {
    version: 6,
    name: 'versioned JSON records (cursors, models, rules)',
    sql: RECORDS_TABLE,
  },
];

/** The schema version a database is at (0: empty). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a database up to the last of `steps`, one transaction per
 * step, so a failed step leaves the database at the step before it.
 * Each step re-reads `user_version` under the write lock, so two
 * processes opening one file at once apply every step exactly once.
 * Throws when the database is newer than the steps it knows.
 *
 * @example
 * migrate(new Database('desk.sqlite'));
 */
export function migrate(
  db: Database.Database,
  steps: readonly SqliteMigration[] = migrations,
): number {
  const latest = steps.length;
  steps.forEach((step, i) => {
    if (step.version !== i + 1) {
      throw new Error(`migration ${i + 1} is numbered ${step.version}`);
    }
  });
  const current = schemaVersion(db);
  if (current > latest) {
    throw new Error(
      `the database is at schema ${current}, but this @ticketry/adapters knows only ${latest}: upgrade the package`,
    );
  }
  for (const step of steps.slice(current)) {
    db.transaction(() => {
      if (schemaVersion(db) >= step.version) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
