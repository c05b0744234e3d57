import {
  ConflictError,
  type StoredRecord,
  type TicketStore,
} from '@ticketry/core';

/** The record kinds the mail modules keep beside tickets. */
export const MAIL_KINDS = {
  /** A Message-ID (ours or received) and the ticket it belongs to. */
  thread: 'mail.thread',
  /** One received message by Message-ID and content, for redelivery. */
  received: 'mail.received',
  /** The Message-IDs of one ticket's thread, oldest first. */
  ticket: 'mail.ticket',
  /** Acknowledgements sent to one address in the current hour. */
  ack: 'mail.ack',
} as const;

/** Where a record lives. */
export interface RecordAddress {
  store: TicketStore;
  siteId: string;
  kind: string;
  key: string;
}

/** SHA-256 of text, as 64 lower-case hex digits (Web Crypto). */
export async function sha256(data: string | Uint8Array): Promise<string> {
  const bytes =
    typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** Reads a record's value, or null. */
export async function readRecord<T>(at: RecordAddress): Promise<T | null> {
  const found = await at.store.getRecord(at.siteId, at.kind, at.key);
  return found ? (found.value as T) : null;
}

/**
 * Writes `change(current)` against the version read, reading again
 * when another writer won; `undefined` from `change` writes nothing.
 */
export async function updateRecord<T>(
  at: RecordAddress,
  change: (current: T | null) => T | undefined,
  when: string,
): Promise<StoredRecord | null> {
  for (let attempt = 0; ; attempt++) {
    const found = await at.store.getRecord(at.siteId, at.kind, at.key);
    const next = change(found ? (found.value as T) : null);
    if (next === undefined) return found;
    try {
      return await at.store.putRecord({
        siteId: at.siteId,
        kind: at.kind,
        key: at.key,
        value: next as never,
        expectedVersion: found?.version ?? 0,
        at: when,
      });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 8) throw error;
    }
  }
}

/** Most Message-IDs a ticket's thread keeps: the first and the latest. */
const THREAD_IDS = 20;

/** What `mail.thread` records hold. */
export interface ThreadEntry {
  ticketId: string;
  messageId: string;
  direction: 'in' | 'out';
}

/**
 * Files a Message-ID under a ticket: maps it to the ticket (the first
 * mapping stays when two mails reuse an id) and, when `listed`, appends
 * it to the ticket's thread, the IDs outgoing mail names in
 * `References`. Only what the requester saw is listed: our own mail and
 * the requester's public messages, never mail kept as an internal note
 * (a bounce, an auto-reply, a stranger's or an agent's mail).
 */
export async function fileMessageId(
  store: TicketStore,
  siteId: string,
  entry: ThreadEntry,
  when: string,
  listed = true,
): Promise<void> {
  const key = await sha256(entry.messageId);
  await updateRecord<ThreadEntry>(
    { store, siteId, kind: MAIL_KINDS.thread, key },
    (current) => (current ? undefined : entry),
    when,
  );
  if (!listed) return;
  await updateRecord<{ ids: string[] }>(
    { store, siteId, kind: MAIL_KINDS.ticket, key: entry.ticketId },
    (current) => {
      const ids = current?.ids ?? [];
      if (ids.includes(entry.messageId)) return undefined;
      const all = [...ids, entry.messageId];
      const kept =
        all.length > THREAD_IDS
          ? [all[0]!, ...all.slice(all.length - THREAD_IDS + 1)]
          : all;
      return { ids: kept };
    },
    when,
  );
}

/** The ticket a Message-ID was filed under, with its direction. */
export async function threadOf(
  store: TicketStore,
  siteId: string,
  messageId: string,
): Promise<ThreadEntry | null> {
  const key = await sha256(messageId);
  return readRecord<ThreadEntry>({
    store,
    siteId,
    kind: MAIL_KINDS.thread,
    key,
  });
}

/** The Message-IDs of a ticket's thread, oldest first. */
export async function threadIds(
  store: TicketStore,
  siteId: string,
  ticketId: string,
): Promise<string[]> {
  const found = await readRecord<{ ids: string[] }>({
    store,
    siteId,
    kind: MAIL_KINDS.ticket,
    key: ticketId,
  });
  return found?.ids ?? [];
}
