import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError } from '../errors.js';
import { type MembershipVia, ORG_KINDS } from './org-schema.js';

/** A page of records is at most this long; rosters read every page. */
const PAGE = 1000;

async function put(
  core: DeskCore,
  kind: string,
  key: string,
  via: MembershipVia,
) {
  const { store, siteId } = core;
  const found = await store.getRecord(siteId, kind, key);
  const value = found?.value as { via?: MembershipVia } | undefined;
  // An explicit membership is never downgraded to a domain one.
  if (value?.via === 'explicit' || value?.via === via) return;
  try {
    await store.putRecord({
      siteId,
      kind,
      key,
      value: { via },
      expectedVersion: found?.version ?? 0,
      at: core.clock.now().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

async function drop(core: DeskCore, kind: string, key: string) {
  const found = await core.store.getRecord(core.siteId, kind, key);
  if (!found) return;
  try {
    await core.store.deleteRecord(core.siteId, kind, key, found.version);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

/** Records that a requester belongs to an organization (both ways). */
export async function addMembership(
  core: DeskCore,
  orgId: string,
  requesterId: string,
  via: MembershipVia,
): Promise<void> {
  await put(core, ORG_KINDS.roster, `${orgId}/${requesterId}`, via);
  await put(core, ORG_KINDS.member, `${requesterId}/${orgId}`, via);
}

/** Removes a membership both ways; absent ones are fine. */
export async function removeMembership(
  core: DeskCore,
  orgId: string,
  requesterId: string,
): Promise<void> {
  await drop(core, ORG_KINDS.member, `${requesterId}/${orgId}`);
  await drop(core, ORG_KINDS.roster, `${orgId}/${requesterId}`);
}

async function keysAfter(
  core: DeskCore,
  kind: string,
  prefix: string,
): Promise<Array<{ rest: string; via: MembershipVia }>> {
  const out: Array<{ rest: string; via: MembershipVia }> = [];
  let after: string | undefined;
  for (;;) {
    const page = await core.store.listRecords(core.siteId, kind, {
      prefix,
      limit: PAGE,
      ...(after !== undefined && { after }),
    });
    for (const r of page) {
      const via = (r.value as { via: MembershipVia }).via;
      out.push({ rest: r.key.slice(prefix.length), via });
    }
    if (page.length < PAGE) return out;
    after = page.at(-1)?.key;
  }
}

/** The organization ids a requester was recorded in. */
export async function orgIdsOf(
  core: DeskCore,
  requesterId: string,
): Promise<string[]> {
  const rows = await keysAfter(core, ORG_KINDS.member, `${requesterId}/`);
  return rows.map((r) => r.rest);
}

/** The requesters recorded in an organization, and how. */
export async function rosterOf(
  core: DeskCore,
  orgId: string,
): Promise<Array<{ requesterId: string; via: MembershipVia }>> {
  const rows = await keysAfter(core, ORG_KINDS.roster, `${orgId}/`);
  return rows.map((r) => ({ requesterId: r.rest, via: r.via }));
}
