import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, TicketryError } from '../errors.js';
import type { StoredRecord } from '../store/records.js';
import type { SurgeAlert } from './surge.js';

/**
 * The record kind an accepted alert is kept under (key: the alert's
 * id): who accepted it, when, and the parent it opened.
 */
export const ALERT_PARENT_RECORD_KIND = 'predict.alert-parent';

/** What the record of an alert being, or already, accepted holds. */
export interface AlertAcceptance {
  alertId: string;
  /** The parent incident; null while the accepting call is at work. */
  parentId: string | null;
  /** The tickets linked to it as children. */
  children: string[];
  /** The id of the agent who accepted it. */
  by: string | null;
  /** When the claim (then the parent) was written, ISO 8601. */
  at: string;
}

/** A claim not finished after this long (desk clock) may be taken over. */
const STALE_MS = 60_000;
/** How often, and how many times, a call waits for a concurrent one. */
const WAIT_MS = 25;
const WAIT_STEPS = 200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The claim this call holds, or the acceptance already done. */
export type Claim = { version: number } | { done: AlertAcceptance };

function readAcceptance(record: StoredRecord | null): AlertAcceptance | null {
  return record ? (record.value as AlertAcceptance) : null;
}

/**
 * Claims an alert for acceptance with a compare-and-set on its record:
 * of two concurrent calls one writes the claim, the other waits for it
 * to finish and answers its parent. A claim left unfinished (a crashed
 * process) is taken over once stale, or after about five seconds of
 * waiting; the parent is opened under an idempotency key, so a takeover
 * still finds the same parent.
 */
export async function claimAlert(
  core: DeskCore,
  alertId: string,
  by: string | null,
): Promise<Claim> {
  for (let step = 0; step < WAIT_STEPS; step++) {
    const record = await core.store.getRecord(
      core.siteId,
      ALERT_PARENT_RECORD_KIND,
      alertId,
    );
    const seen = readAcceptance(record);
    if (seen?.parentId) return { done: seen };
    const now = core.clock.now();
    const stale =
      record !== null &&
      (now.getTime() - Date.parse(record.updatedAt) > STALE_MS ||
        step >= WAIT_STEPS / 2);
    if (record === null || stale) {
      try {
        const at = now.toISOString();
        const claim: AlertAcceptance = {
          alertId,
          parentId: null,
          children: [],
          by,
          at,
        };
        const put = await core.store.putRecord({
          siteId: core.siteId,
          kind: ALERT_PARENT_RECORD_KIND,
          key: alertId,
          value: claim,
          expectedVersion: record?.version ?? 0,
          at,
        });
        return { version: put.version };
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    await sleep(WAIT_MS);
  }
  throw new TicketryError(
    'VERSION_CONFLICT',
    'the alert is being accepted by another call; try again',
    { details: { alertId } },
  );
}

/**
 * Writes the finished acceptance over this call's claim. When the claim
 * was taken over meanwhile, the record keeps the first finished answer
 * (the same parent: it is opened under one idempotency key).
 */
export async function finishAlert(
  core: DeskCore,
  version: number,
  done: AlertAcceptance,
): Promise<AlertAcceptance> {
  let expectedVersion = version;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await core.store.putRecord({
        siteId: core.siteId,
        kind: ALERT_PARENT_RECORD_KIND,
        key: done.alertId,
        value: done,
        expectedVersion,
        at: done.at,
      });
      return done;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const record = await core.store.getRecord(
        core.siteId,
        ALERT_PARENT_RECORD_KIND,
        done.alertId,
      );
      const seen = readAcceptance(record);
      if (seen?.parentId) return seen;
      expectedVersion = record?.version ?? 0;
    }
  }
  throw new TicketryError('VERSION_CONFLICT', 'the alert record kept moving', {
    details: { alertId: done.alertId },
  });
}

/** The ids of the alerts accepted so far (those with a parent). */
export async function acceptedAlertIds(core: DeskCore): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after: string | undefined; ; ) {
    const page = await core.store.listRecords(
      core.siteId,
      ALERT_PARENT_RECORD_KIND,
      { limit: 1000, ...(after !== undefined && { after }) },
    );
    for (const r of page) {
      if (readAcceptance(r)?.parentId) ids.add(r.key);
    }
    if (page.length < 1000) return ids;
    after = page[page.length - 1]!.key;
  }
}

/**
 * The alerts still open: those no one has accepted yet (an accepted
 * alert leaves the list; its record names the parent).
 */
export async function openAlerts(
  core: DeskCore,
  alerts: readonly SurgeAlert[],
): Promise<SurgeAlert[]> {
  if (alerts.length === 0) return [];
  const accepted = await acceptedAlertIds(core);
  return alerts.filter((a) => !accepted.has(a.id));
}
