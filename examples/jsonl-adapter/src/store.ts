import {
  compareKeys,
  compareTickets,
  encodeCursor,
  matchesQuery,
  parseTicketQuery,
  readCursor,
  sortValue,
  type Ticket,
  type TicketPage,
  type TicketQuery,
  type TicketStore,
} from '@ticketry/core';
import { asTicketryError, guard, serial } from './guard.js';
import { takeLock } from './lock.js';
import { type LogFile, openLog } from './log-file.js';
import {
  BACKEND,
  checkCount,
  type FsyncMode,
  JSONL_CAPABILITIES,
  type JsonlStoreOptions,
  parseOptions,
} from './options.js';
import { recordMethods } from './records.js';
import { MemoryIndex } from './state.js';
import { copy, writer } from './writes.js';

/**
 * One page of a site's tickets: filter, keep what lies after the
 * cursor, sort, cut. It sorts the whole site on every call, which is
 * fine for the sizes a single JSON Lines file holds.
 */
function pageOf(tickets: Iterable<Ticket>, query: TicketQuery): TicketPage {
  const q = parseTicketQuery(query);
  const after = q.cursor ? readCursor(q.cursor, q.sort) : null;
  const rows = [...tickets]
    .filter((t) => matchesQuery(t, q))
    .filter((t) => {
      if (!after) return true;
      const here = { value: sortValue(t, q.sort), id: t.id };
      return compareKeys(here, after, q.sort) > 0;
    })
    .sort((a, b) => compareTickets(a, b, q.sort));
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const more = rows.length > q.limit && last !== undefined;
  return {
    items: copy(items),
    nextCursor: more ? encodeCursor(last, q.sort) : null,
  };
}

/** Opens the file under its lock and rebuilds the indexes from it. */
async function load(path: string, fsync: FsyncMode) {
  const release = await takeLock(path);
  let log: LogFile | undefined;
  try {
    log = await openLog(path, fsync);
    const index = new MemoryIndex();
    for (const line of log.lines) index.apply(line);
    return { log, index, release };
  } catch (error) {
    await log?.close().catch(() => undefined);
    await release();
    throw error;
  }
}

/**
 * A Ticketry store in an append-only JSON Lines file: one line per
 * write, read back on open to rebuild the indexes in memory. One
 * process owns the file at a time (a lock file refuses a second
 * store); see the README for why.
 *
 * @example
 * const desk = createDesk({
 *   store: await jsonlStore({ path: 'tickets.jsonl' }),
 * });
 */
export async function jsonlStore(
  options: JsonlStoreOptions,
): Promise<TicketStore> {
  const { path, fsync } = parseOptions(options);
  const opened = await load(path, fsync).catch((error: unknown) => {
    throw asTicketryError(BACKEND, `could not open ${path}`, error);
  });
  const { log, index, release } = opened;
  const calls = guard(BACKEND);
  const queue = serial();
  const writes = writer(log, index);
  const write = <T>(what: string, work: () => Promise<T>) =>
    calls.run(what, () => queue.run(work));
  const read = calls.run;
  let closing: Promise<void> | null = null;

  return {
    backend: BACKEND,
    capabilities: JSONL_CAPABILITIES,

    createTicket: (w) =>
      write('could not create ticket', () => writes.createTicket(w)),
    commit: (w) => write('could not commit', () => writes.commit(w)),
    nextRef: (siteId) =>
      write('could not number a ticket', () => writes.nextRef(siteId)),
    findIdempotency: (siteId, key) =>
      read('could not read an idempotency key', () => {
        const seen = index.keys.get(siteId)?.get(key);
        return seen ? { ...seen } : null;
      }),

    getTicket: (siteId, id) =>
      read('could not read ticket', () => {
        const ticket = index.tickets.get(siteId)?.get(id);
        return ticket ? copy(ticket) : null;
      }),
    getTicketByRef: (siteId, ref) =>
      read('could not read ticket', () => {
        const id = index.refs.get(siteId)?.get(ref);
        const ticket = id && index.tickets.get(siteId)?.get(id);
        return ticket ? copy(ticket) : null;
      }),
    listTickets: (siteId, query) =>
      read('could not list tickets', () =>
        pageOf(index.tickets.get(siteId)?.values() ?? [], query),
      ),
    listEvents: (siteId, ticketId) =>
      read('could not read events', () =>
        copy(index.events.get(siteId)?.get(ticketId) ?? []),
      ),
    readFeed: (after, limit) =>
      read('could not read the feed', () => {
        checkCount('after', after);
        checkCount('limit', limit);
        const events = limit === 0 ? [] : index.feedAfter(after, limit);
        return { events: copy(events), cursor: events.at(-1)?.seq ?? after };
      }),

    putRequester: (record) =>
      write('could not save requester', () =>
        writes.put({ k: 'requester', record }),
      ),
    getRequester: (siteId, id) =>
      read('could not read requester', () =>
        copy(index.requesters.get(siteId)?.get(id) ?? null),
      ),
    findRequesterByEmail: (siteId, email) =>
      read('could not find requester', () =>
        copy(index.requesterByEmail(siteId, email)),
      ),

    putAgent: (record) =>
      write('could not save agent', () => writes.put({ k: 'agent', record })),
    getAgent: (siteId, id) =>
      read('could not read agent', () =>
        copy(index.agents.get(siteId)?.get(id) ?? null),
      ),
    listAgents: (siteId) =>
      read('could not list agents', () =>
        copy([...(index.agents.get(siteId)?.values() ?? [])]),
      ),
    putTeam: (record) =>
      write('could not save team', () => writes.put({ k: 'team', record })),
    getTeam: (siteId, id) =>
      read('could not read team', () =>
        copy(index.teams.get(siteId)?.get(id) ?? null),
      ),
    listTeams: (siteId) =>
      read('could not list teams', () =>
        copy([...(index.teams.get(siteId)?.values() ?? [])]),
      ),

    putCredential: (record) =>
      write('could not save credential', () =>
        writes.put({ k: 'credential', record }),
      ),
    findCredential: (hash) =>
      read('could not find credential', () =>
        copy(index.credentials.get(hash) ?? null),
      ),
    putAccessToken: (record) =>
      write('could not save token', () => writes.put({ k: 'token', record })),
    findAccessToken: (hash) =>
      read('could not find token', () => copy(index.tokens.get(hash) ?? null)),

    ...recordMethods(index.records, {
      write,
      read,
      persist: (line) => writes.put(line),
    }),

    close() {
      if (closing) return closing;
      calls.close();
      closing = (async () => {
        await queue.drained();
        try {
          await log.close();
        } catch (error) {
          throw asTicketryError(BACKEND, 'could not close the file', error);
        } finally {
          await release();
        }
      })();
      return closing;
    },
  };
}
