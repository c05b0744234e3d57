import { ConflictError } from '../errors.js';
import { createId } from '../ids.js';
import type { Actor } from '../schemas/common.js';
import type { StoredRecord } from '../store/records.js';
import type { TicketStore } from '../store/types.js';
import type { DeskCore } from './desk-types.js';

/** The record kind of the security log: `store.listRecords(siteId, 'security.log')`. */
export const SECURITY_LOG_KIND = 'security.log';

/** One entry of the security log. No secret and no hash is ever kept. */
export interface SecurityLogEntry {
  /** What ended: one session, or every session of an agent. */
  type: 'session.signed_out' | 'sessions.revoked';
  agentId: string;
  /** When, from the desk's clock (ISO). */
  at: string;
  /** Who did it, when known. */
  actor?: Actor;
}

/**
 * Appends an entry to the site's security log: one record each, keyed
 * by its instant and a fresh id, so keys sort by time and never clash.
 */
export async function logSecurity(
  store: TicketStore,
  siteId: string,
  entry: SecurityLogEntry,
): Promise<void> {
  await store.putRecord({
    siteId,
    kind: SECURITY_LOG_KIND,
    key: `${entry.at}/${createId()}`,
    value: entry,
    expectedVersion: 0,
    at: entry.at,
  });
}

/** The site's security log, oldest first, `limit` entries after `after`. */
export async function listSecurityLog(
  store: TicketStore,
  siteId: string,
  query: { after?: string; limit?: number } = {},
): Promise<StoredRecord<SecurityLogEntry>[]> {
  const found = await store.listRecords(siteId, SECURITY_LOG_KIND, query);
  return found as StoredRecord<SecurityLogEntry>[];
}

/**
 * Records a revocation of a ticket's access tokens as the audited event
 * `ticket.access_revoked` (the generation and instant in `data`, never a
 * token or hash). Retries when a change lands between read and write.
 */
export async function auditAccessRevoke(
  core: Pick<DeskCore, 'store' | 'siteId' | 'record'>,
  revocation: { ticketId: string; revokedAt: string; generation: number },
  actor?: Actor,
): Promise<void> {
  const { ticketId, revokedAt, generation } = revocation;
  for (let attempt = 0; ; attempt++) {
    const ticket = await core.store.getTicket(core.siteId, ticketId);
    if (!ticket) return;
    try {
      await core.record(
        ticket,
        'ticket.access_revoked',
        {},
        { generation, revokedAt },
        revokedAt,
        actor,
      );
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 4) throw error;
    }
  }
}
