import { chainEvent } from '../audit/chain.js';
import { verifyAudit } from '../audit/verify.js';
import { createDesk, type Desk } from '../desk/desk.js';
import type { AuditEvent } from '../schemas/event.js';
import type { TicketStore } from '../store/types.js';
import { check, checkEqual } from './assert.js';
import { sampleTicket } from './fixtures.js';
import type { ConformanceCheck, StoreProbe } from './harness.js';

/**
 * What a probe may add for the audit checks: raw writes to stored
 * events, around the store, as someone with the database would make.
 * Without it, the tamper check proves only what the store's own reads
 * show.
 */
export interface AuditProbe {
  /**
   * True when the backend itself refuses changes and deletions of
   * stored events (a trigger, say), so both methods must reject.
   */
  readonly refusesEventChanges: boolean;
  /** Rewrites the stored event of `version` as `edit` leaves it. */
  editEvent(
    siteId: string,
    ticketId: string,
    version: number,
    edit: (event: AuditEvent) => void,
  ): Promise<void>;
  /** Deletes the stored event of `version`. */
  deleteEvent(siteId: string, ticketId: string, version: number): Promise<void>;
}

/** The probe's audit methods, when it has them. */
export function auditProbeOf(probe: StoreProbe): AuditProbe | null {
  const p = probe as Partial<AuditProbe>;
  return typeof p.editEvent === 'function' &&
    typeof p.deleteEvent === 'function' &&
    typeof p.refusesEventChanges === 'boolean'
    ? (p as AuditProbe)
    : null;
}

const SITE = 'audit-site';
const agent = { actor: { role: 'agent', id: 'ada' } } as const;

/** A desk on the store with two tickets, three events each. */
async function workedDesk(store: TicketStore) {
  const desk = createDesk({ store, siteId: SITE });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  const ids: string[] = [];
  for (const who of ['ada', 'grace']) {
    const { ticket } = await desk.submit({
      subject: `Printer jams for ${who} ✓`,
      description: 'Tray 2 jams on every job. Ünïcødé 日本',
      requester: { email: `${who}@example.com`, name: who },
    });
    const triage = { impact: 'low', urgency: 'low', teamId: 'desk' } as const;
    await desk.triage(ticket.id, triage, agent);
    await desk.update(ticket.id, { tags: ['hardware'] }, agent);
    ids.push(ticket.id);
  }
  return { desk, ids };
}

async function checkVerifies(desk: Desk, what: string) {
  const report = await verifyAudit(desk.store, desk.siteId);
  check(
    report.ok,
    `${what}: verifyAudit found ${report.firstBroken?.reason} at version ${report.firstBroken?.version}: ${report.firstBroken?.message}`,
  );
  return report;
}

async function rejects(work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return false;
  } catch {
    return true;
  }
}

/** The audit chain through a store, and tampering behind its back. */
export const auditChecks: ConformanceCheck[] = [
  {
    area: 'audit',
    name: "a desk's events keep their hash chain: verifyAudit passes, heads are the tickets' auditHash",
    async run({ store }) {
      const { desk, ids } = await workedDesk(store);
      const report = await checkVerifies(desk, 'untouched');
      checkEqual([report.tickets, report.events], [2, 6], 'tickets, events');
      for (const id of ids) {
        const ticket = await store.getTicket(SITE, id);
        const head = report.heads.find((h) => h.ticketId === id);
        check(
          ticket?.auditHash && head?.hash === ticket.auditHash,
          `ticket ${id}: auditHash ${ticket?.auditHash} is not its last event's hash ${head?.hash}`,
        );
      }
    },
  },
  {
    area: 'audit',
    name: 'events handed in and handed out are copies: changing them changes nothing stored',
    async run({ store }) {
      const ticket = sampleTicket({ siteId: SITE });
      const { id, siteId, version, updatedAt, ...changes } = ticket;
      const event = await chainEvent(
        {
          id: `${id}-1`,
          siteId,
          ticketId: id,
          version,
          at: updatedAt,
          actor: { role: 'system', id: null },
          type: 'ticket.submitted',
          changes,
          data: { note: 'kept' },
        },
        undefined,
      );
      const stored = { ...ticket, auditHash: event.hash };
      const created = await store.createTicket({ ticket: stored, event });
      event.changes.subject = 'changed after the write';
      (event.data as { note: string }).note = 'changed';
      created.event.changes.subject = 'changed on the answer';
      const listed = await store.listEvents(SITE, id);
      (listed[0]!.data as { note: string }).note = 'changed on a read';
      const report = await verifyAudit(store, SITE, id);
      check(
        report.ok,
        `a caller's change reached the stored event: ${report.firstBroken?.message}`,
      );
    },
  },
  {
    area: 'audit',
    name: 'an erased requester keeps no email or name, and every chain still verifies',
    async run({ store }) {
      const { desk, ids } = await workedDesk(store);
      const ticket = await store.getTicket(SITE, ids[0]!);
      const erased = await desk.eraseRequester(ticket!.requesterId);
      checkEqual([erased.changed, erased.tickets], [true, 1], 'erasure');
      const record = await store.getRequester(SITE, ticket!.requesterId);
      check(
        record?.name === null && !record.email.includes('ada'),
        `the erased record still holds ${JSON.stringify(record)}`,
      );
      check(
        (await store.findRequesterByEmail(SITE, 'ada@example.com')) === null,
        'the erased email still finds the requester',
      );
      await checkVerifies(desk, 'after the erasure');
    },
  },
  {
    area: 'audit',
    name: "a stored event changed or deleted behind the store's back is refused by the backend, or found by verifyAudit",
    async run({ store, probe }) {
      const { desk, ids } = await workedDesk(store);
      const raw = auditProbeOf(probe);
      if (!raw) {
        await checkVerifies(desk, 'without an audit probe');
        return;
      }
      const [first, second] = ids as [string, string];
      const refused = [
        await rejects(() =>
          raw.editEvent(SITE, first, 2, (e) => {
            e.changes.tags = ['rewritten'];
          }),
        ),
        await rejects(() => raw.deleteEvent(SITE, second, 2)),
      ];
      if (raw.refusesEventChanges) {
        checkEqual(refused, [true, true], 'edit and delete refused');
        check(
          (await probe.countEvents(SITE, second)) === 3,
          'the refused delete removed the event',
        );
        await checkVerifies(desk, 'after refused changes');
        return;
      }
      checkEqual(refused, [false, false], 'edit and delete refused');
      const edited = await verifyAudit(store, SITE, first);
      checkEqual(
        [edited.firstBroken?.reason, edited.firstBroken?.version],
        ['hash_mismatch', 2],
        'the edited event',
      );
      const deleted = await verifyAudit(store, SITE, second);
      checkEqual(
        [deleted.firstBroken?.reason, deleted.firstBroken?.version],
        ['version_gap', 3],
        'the deleted event',
      );
    },
  },
];
