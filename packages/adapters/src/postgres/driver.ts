/** Anything that runs one SQL statement with `$1`-style parameters. */
export interface PgQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A notification as node-postgres hands it over. */
export interface PgNotification {
  channel: string;
  payload?: string | undefined;
}

/** A node-postgres client checked out of a pool. */
export interface PgClientLike extends PgQueryable {
  release(error?: Error | boolean): void;
  on(
    event: 'notification',
    listener: (message: PgNotification) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(
    event: 'notification',
    listener: (message: PgNotification) => void,
  ): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** A node-postgres `Pool`, or anything with the same two methods. */
export interface PgPoolLike {
  query(config: {
    text: string;
    values?: unknown[];
    name?: string;
  }): Promise<{ rows: unknown[] }>;
  connect(): Promise<PgClientLike>;
}

/** A PGlite instance (embedded PostgreSQL), or anything shaped like it. */
export interface PgliteLike extends PgQueryable {
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>;
  listen(
    channel: string,
    callback: (payload: string) => void,
  ): Promise<() => Promise<void>>;
}

/** Stops a LISTEN; resolves once the channel is released. */
export type Unlisten = () => Promise<void>;

/**
 * What the store needs from a database, the same over a pg pool and
 * over PGlite: single statements, a transaction on one connection, and
 * a listener on a notification channel.
 */
export interface PgDriver {
  /** Runs one statement; `prepared` asks pg to prepare it once per connection. */
  query<R>(text: string, params?: unknown[], prepared?: boolean): Promise<R[]>;
  transaction<T>(work: (db: PgQueryable) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`. `onLost` is called when the listening
   * connection fails; the listener is gone then and must be renewed.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onLost: (error: unknown) => void,
  ): Promise<Unlisten>;
}

// One name per statement text across the process: pg prepares a named
// statement once per connection and reuses its plan afterwards.
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `ticketry_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** A quoted identifier for LISTEN, which takes no parameters. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The driver over a node-postgres pool. */
export function poolDriver(pool: PgPoolLike): PgDriver {
  return {
    async query<R>(text: string, params: unknown[] = [], prepared = false) {
      const config = prepared
        ? { name: statementName(text), text, values: params }
        : { text, values: params };
      return (await pool.query(config)).rows as R[];
    },

    async transaction<T>(work: (db: PgQueryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },

    async listen(channel, onPayload, onLost) {
      const client = await pool.connect();
      let done = false;
      const onNotification = (message: PgNotification) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      };
      const onError = (error: unknown) => {
        if (done) return;
        done = true;
        detach();
        client.release(error instanceof Error ? error : true);
        onLost(error);
      };
      const detach = () => {
        client.removeListener('notification', onNotification);
        client.removeListener('error', onError);
      };
      client.on('notification', onNotification);
      client.on('error', onError);
      try {
        await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      } catch (error) {
        done = true;
        detach();
        client.release(true);
        throw error;
      }
      return async () => {
        if (done) return;
        done = true;
        try {
          await client.query(`UNLISTEN ${quoteIdentifier(channel)}`);
          detach();
          client.release();
        } catch (error) {
          detach();
          client.release(true);
          throw error;
        }
      };
    },
  };
}

/** The driver over PGlite: one connection, so transactions queue. */
export function pgliteDriver(db: PgliteLike): PgDriver {
  return {
    async query<R>(text: string, params: unknown[] = []) {
      return (await db.query(text, params)).rows as R[];
    },
    transaction: (work) => db.transaction(work),
    async listen(channel, onPayload) {
      // PGlite runs in this process: its listener cannot be lost.
      return db.listen(channel, onPayload);
    },
  };
}
