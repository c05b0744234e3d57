import { check, checkConflictClass, checkEqual } from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/**
 * For stores with `sharedAccess`: a second store opened on the same
 * data (the harness's `reopen`, called while the first is still open)
 * shares every guarantee with the first.
 */
export const sharedAccessCheck: ConformanceCheck = {
  area: 'shared access',
  name: 'two stores open on the same data keep every guarantee between them',
  async run(subject) {
    check(
      subject.reopen,
      'sharedAccess is on, but the harness has no reopen to open a second store',
    );
    const a = subject.store;
    const ticket = sampleTicket();
    await a.createTicket({ ticket, event: sampleEvent(ticket) });
    const second = await subject.reopen();
    const b = second.store;
    try {
      checkEqual(
        await b.getTicket(ticket.siteId, ticket.id),
        ticket,
        "the second store reads the first one's ticket",
      );
      const commits = await Promise.allSettled(
        [a, b, a, b].map((store, i) => {
          const next = bumped(ticket, { subject: `Writer ${i}` });
          return store.commit({
            ticket: next,
            expectedVersion: 1,
            event: sampleEvent(next),
          });
        }),
      );
      const won = commits.filter((r) => r.status === 'fulfilled').length;
      check(won === 1, `${won} of 4 commits at one version through two stores`);
      for (const r of commits) {
        if (r.status === 'rejected') checkConflictClass(r.reason, 'a loser');
      }
      check(
        (await subject.probe.countEvents(ticket.siteId, ticket.id)) === 2,
        'two stores added more than one event at one version',
      );
      const idempotency = { key: 'shared-key', fingerprint: 'same-body' };
      const creates = await Promise.all(
        [a, b, a, b, a, b].map((store) => {
          const t = sampleTicket();
          return store.createTicket({
            ticket: t,
            event: sampleEvent(t),
            idempotency,
          });
        }),
      );
      const made = new Set(creates.map((r) => r.ticket.id));
      check(made.size === 1, `one key made ${made.size} tickets in two stores`);
      const refs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).nextRef('site-a')),
      );
      check(
        new Set(refs).size === 20,
        'two stores handed out one number twice',
      );
      const feedA = (await a.readFeed(0, 100)).events.map((e) => e.seq);
      const feedB = (await b.readFeed(0, 100)).events.map((e) => e.seq);
      check(new Set(feedA).size === feedA.length, 'a feed position was reused');
      checkEqual(feedB, feedA, 'the feed as the second store reads it');
    } finally {
      await second.store.close();
    }
  },
};
