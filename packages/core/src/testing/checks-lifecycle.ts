import { check, checkEqual, checkTyped } from './assert.js';
import { sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/** How long a closed store may take to refuse a call. */
const ANSWER_MS = 10_000;

type Settled =
  | { state: 'resolved'; value: unknown }
  | { state: 'rejected'; error: unknown };

/** How `promise` settled; fails the check if it is still pending after `ms`. */
async function settled(
  promise: Promise<unknown>,
  what: string,
  ms = ANSWER_MS,
): Promise<Settled> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([
    promise.then(
      (value) => ({ state: 'resolved' as const, value }),
      (error: unknown) => ({ state: 'rejected' as const, error }),
    ),
    late,
  ]);
  clearTimeout(timer);
  check(outcome !== 'late', `${what} did not answer within ${ms} ms`);
  return outcome;
}

/** Fails unless a call settled as a rejection with a TicketryError. */
function refused(outcome: Settled, what: string) {
  check(outcome.state === 'rejected', `a closed store answered ${what}`);
  checkTyped(outcome.error, `${what} after close()`);
}

/** The default name of the reopen check, without an opt-out. */
export const REOPEN_CHECK =
  'closing and reopening the store keeps every record';

/**
 * The reopen check. With a `reason`, the harness opts out: the check
 * carries the reason in its name and fails if the harness does have
 * `reopen`. Without one, a harness without `reopen` fails.
 */
export function reopenCheck(reason?: string): ConformanceCheck {
  const text = reason?.trim();
  return {
    area: 'reopen',
    name: text ? `reopen is not checked: ${text}` : REOPEN_CHECK,
    async run(subject) {
      if (text) {
        check(
          !subject.reopen,
          'the harness has reopen, but a reason for not checking it is given',
        );
        return;
      }
      check(
        subject.reopen,
        'the harness has no reopen: add one, or say why the store cannot be reopened in capabilityReasons.reopen',
      );
      const { store } = subject;
      const ticket = sampleTicket();
      await store.createTicket({
        ticket,
        event: sampleEvent(ticket),
        idempotency: { key: 'kept-key', fingerprint: 'f' },
      });
      await store.putTeam({ id: 'net', siteId: 'site-a', name: 'Network' });
      const ref = await store.nextRef('site-a');
      await store.close();
      const again = await subject.reopen();
      try {
        checkEqual(
          await again.store.getTicket('site-a', ticket.id),
          ticket,
          'ticket',
        );
        check(
          (await again.store.listEvents('site-a', ticket.id)).length === 1,
          'events',
        );
        check((await again.store.getTeam('site-a', 'net')) !== null, 'team');
        check(
          (await again.store.nextRef('site-a')) > ref,
          'ref counter restarted',
        );
        const other = sampleTicket();
        const retry = await again.store.createTicket({
          ticket: other,
          event: sampleEvent(other),
          idempotency: { key: 'kept-key', fingerprint: 'f' },
        });
        check(retry.replayed, 'the idempotency key was lost on reopen');
      } finally {
        await again.store.close();
      }
    },
  };
}

/** Closing: refusals after close(), and writes still under way. */
export const closeChecks: ConformanceCheck[] = [
  {
    area: 'reopen',
    name: 'a closed store refuses reads and writes with a typed error instead of hanging',
    async run({ store, probe }) {
      await store.close();
      const again = await settled(store.close(), 'a second close()');
      check(
        again.state === 'resolved',
        'a second close() must do nothing, not throw',
      );
      refused(
        await settled(store.getTicket('site-a', 'x'), 'a read'),
        'a read',
      );
      const ticket = sampleTicket();
      const write = store.createTicket({ ticket, event: sampleEvent(ticket) });
      refused(await settled(write, 'a write'), 'a write');
      refused(await settled(store.nextRef('site-a'), 'nextRef'), 'nextRef');
      check(
        (await probe.readTicket(ticket.siteId, ticket.id)) === null,
        'a write after close() was persisted',
      );
    },
  },
  {
    area: 'reopen',
    name: 'a write under way when close() is called finishes or fails with a typed error',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      const write = store.createTicket({ ticket, event: sampleEvent(ticket) });
      const closing = store.close();
      const closed = await settled(closing, 'close()');
      const written = await settled(write, 'the write under way');
      check(
        closed.state === 'resolved',
        `close() failed: ${(closed as { error?: Error }).error?.message}`,
      );
      const persisted = await probe.readTicket(ticket.siteId, ticket.id);
      if (written.state === 'resolved') {
        check(
          persisted !== null,
          'the write was answered but is not persisted once close() resolved',
        );
      } else {
        checkTyped(written.error, 'a write cut off by close()');
        check(persisted === null, 'a write that failed was persisted');
      }
    },
  },
];
