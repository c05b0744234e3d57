import { ConflictError, type TicketStore } from '@ticketry/core';
import { MAIL_KINDS, sha256 } from './mail-records.js';
import type { ParsedMail } from './parse.js';

/** A claim older than this is taken over: its process died. */
const STALE_MS = 10 * 60_000;

interface DeliveryState {
  state: 'processing' | 'done';
  ticketId: string | null;
  at: string;
}

/** What a claim on a delivery found. */
export type Claim =
  | { kind: 'mine'; key: string; version: number }
  | { kind: 'seen'; ticketId: string | null; done: boolean };

/**
 * Redelivery detection: one record per Message-ID and content hash,
 * claimed before the message is handled, so the same mail delivered
 * twice (even at once, to two processes) is handled once, and two
 * different mails reusing one Message-ID are both handled.
 */
export function createDeliveries(store: TicketStore, siteId: string) {
  const kind = MAIL_KINDS.received;

  async function keyOf(mail: ParsedMail): Promise<string> {
    const id = await sha256(mail.messageId ?? '(none)');
    return `${id}.${mail.contentHash}`;
  }

  async function claim(mail: ParsedMail, at: string): Promise<Claim> {
    const key = await keyOf(mail);
    const value: DeliveryState = { state: 'processing', ticketId: null, at };
    const write = (expectedVersion: number) =>
      store.putRecord({
        siteId,
        kind,
        key,
        value: value as never,
        expectedVersion,
        at,
      });
    try {
      const stored = await write(0);
      return { kind: 'mine', key, version: stored.version };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const found = await store.getRecord(siteId, kind, key);
    const seen = found?.value as DeliveryState | undefined;
    if (found && seen?.state === 'processing') {
      const age = Date.parse(at) - Date.parse(seen.at);
      if (age > STALE_MS) {
        const stored = await write(found.version);
        return { kind: 'mine', key, version: stored.version };
      }
    }
    return {
      kind: 'seen',
      ticketId: seen?.ticketId ?? null,
      done: seen?.state === 'done',
    };
  }

  return {
    claim,
    /** Marks a claimed delivery handled, naming its ticket. */
    async finish(
      c: Claim & { kind: 'mine' },
      ticketId: string | null,
      at: string,
    ) {
      const value: DeliveryState = { state: 'done', ticketId, at };
      await store.putRecord({
        siteId,
        kind,
        key: c.key,
        value: value as never,
        expectedVersion: c.version,
        at,
      });
    },
    /** Gives a claim up after a failure, so a retry handles the mail. */
    async release(c: Claim & { kind: 'mine' }) {
      await store.deleteRecord(siteId, kind, c.key, c.version).catch(() => {});
    },
  };
}
