import {
  check,
  checkConflict,
  checkConflictClass,
  checkEqual,
  checkRejects,
  checkSeq,
} from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/** Writes: create, versioned commit, atomicity, idempotency. */
export const writeChecks: ConformanceCheck[] = [
  {
    area: 'round trip',
    name: 'a created ticket reads back equal by id and by ref, with one event',
    async run({ store, probe }) {
      const ticket = sampleTicket({ tags: ['vpn'], fields: { asset: 'L-42' } });
      const result = await store.createTicket({
        ticket,
        event: sampleEvent(ticket),
      });
      check(!result.replayed, 'a first create must not be replayed');
      checkSeq(result.event.seq, 'createTicket');
      checkEqual(
        await store.getTicket(ticket.siteId, ticket.id),
        ticket,
        'by id',
      );
      checkEqual(
        await store.getTicketByRef(ticket.siteId, ticket.ref),
        ticket,
        'by ref',
      );
      const raw = await probe.readTicket(ticket.siteId, ticket.id);
      check(
        raw?.version === 1,
        `persisted version should be 1, is ${raw?.version}`,
      );
      check(
        (await probe.countEvents(ticket.siteId, ticket.id)) === 1,
        'one event persisted',
      );
    },
  },
  {
    area: 'round trip',
    name: 'tickets are separated by site',
    async run({ store }) {
      const ticket = sampleTicket({ siteId: 'site-a', ref: 'T-1' });
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const other = sampleTicket({ siteId: 'site-b', ref: 'T-1' });
      await store.createTicket({ ticket: other, event: sampleEvent(other) });
      check(
        (await store.getTicket('site-b', ticket.id)) === null,
        'site-b must not see site-a',
      );
      check(
        (await store.getTicketByRef('site-b', 'T-1'))?.id === other.id,
        'refs are per site',
      );
      check(
        (await store.getTicket('site-a', 'missing')) === null,
        'a missing id reads null',
      );
    },
  },
  {
    area: 'versions',
    name: 'a commit at the read version writes the ticket and its event',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const next = bumped(ticket, { subject: 'Changed' });
      const event = await store.commit({
        ticket: next,
        expectedVersion: 1,
        event: sampleEvent(next),
      });
      checkEqual(
        await store.getTicket(ticket.siteId, ticket.id),
        next,
        'after commit',
      );
      const events = await store.listEvents(ticket.siteId, ticket.id);
      checkEqual(
        events.map((e) => e.version),
        [1, 2],
        'event versions',
      );
      checkSeq(event.seq, 'commit');
      for (const e of events) checkSeq(e.seq, 'listEvents');
      check(events[1]!.seq > events[0]!.seq, 'feed positions grow');
      check(event.seq === events[1]!.seq, 'commit returns the numbered event');
      check(
        (await probe.countEvents(ticket.siteId, ticket.id)) === 2,
        'two events persisted',
      );
    },
  },
  {
    area: 'versions',
    name: 'a stale version is a conflict and writes nothing',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const v2 = bumped(ticket, { subject: 'First writer' });
      await store.commit({
        ticket: v2,
        expectedVersion: 1,
        event: sampleEvent(v2),
      });
      const stale = bumped(ticket, { subject: 'Second writer' });
      await checkConflict(
        () =>
          store.commit({
            ticket: stale,
            expectedVersion: 1,
            event: sampleEvent(stale),
          }),
        'stale commit',
      );
      const raw = await probe.readTicket(ticket.siteId, ticket.id);
      check(
        raw?.subject === 'First writer',
        `stale write leaked: ${raw?.subject}`,
      );
      check(
        (await probe.countEvents(ticket.siteId, ticket.id)) === 2,
        'no extra event',
      );
    },
  },
  {
    area: 'versions',
    name: 'of two concurrent commits at one version exactly one wins',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      const writers = ['a', 'b', 'c'].map((who) => {
        const next = bumped(ticket, { subject: `Writer ${who}` });
        return store.commit({
          ticket: next,
          expectedVersion: 1,
          event: sampleEvent(next),
        });
      });
      const results = await Promise.allSettled(writers);
      const won = results.filter((r) => r.status === 'fulfilled').length;
      check(won === 1, `${won} of 3 concurrent commits succeeded`);
      for (const r of results) {
        if (r.status === 'rejected') checkConflictClass(r.reason, 'a loser');
      }
      check(
        (await probe.countEvents(ticket.siteId, ticket.id)) === 2,
        'one event added',
      );
    },
  },
  {
    area: 'atomicity',
    name: 'a commit whose event cannot be written leaves the ticket unchanged',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      const first = sampleEvent(ticket);
      await store.createTicket({ ticket, event: first });
      const next = bumped(ticket, { subject: 'Must not persist' });
      const clash = { ...sampleEvent(next), id: first.id };
      let threw = false;
      try {
        await store.commit({ ticket: next, expectedVersion: 1, event: clash });
      } catch {
        threw = true;
      }
      check(threw, 'an event with a duplicate id must be refused');
      const raw = await probe.readTicket(ticket.siteId, ticket.id);
      check(
        raw?.subject === ticket.subject,
        'the ticket was written without its event',
      );
      check(
        raw?.version === 1,
        `version moved to ${raw?.version} without an event`,
      );
    },
  },
  {
    area: 'atomicity',
    name: 'a create whose event cannot be written leaves no ticket',
    async run({ store, probe }) {
      const ticket = sampleTicket();
      const event = sampleEvent(ticket);
      await store.createTicket({ ticket, event });
      const other = sampleTicket();
      let threw = false;
      try {
        await store.createTicket({
          ticket: other,
          event: { ...sampleEvent(other), id: event.id },
        });
      } catch {
        threw = true;
      }
      check(threw, 'an event with a duplicate id must be refused');
      check(
        (await probe.readTicket(other.siteId, other.id)) === null,
        'ticket written alone',
      );
    },
  },
  {
    area: 'idempotency',
    name: 'a retried create with the same key returns the first ticket',
    async run({ store }) {
      const ticket = sampleTicket();
      const idempotency = { key: 'retry-key-1', fingerprint: 'body-1' };
      const first = await store.createTicket({
        ticket,
        event: sampleEvent(ticket),
        idempotency,
      });
      const again = sampleTicket();
      const second = await store.createTicket({
        ticket: again,
        event: sampleEvent(again),
        idempotency,
      });
      check(second.replayed, 'the retry must be marked replayed');
      checkSeq(second.event.seq, 'a replayed createTicket');
      check(
        second.event.seq === first.event.seq,
        'a replay must answer the first event, with its seq',
      );
      check(
        second.ticket.id === first.ticket.id,
        'the retry must return the first ticket',
      );
      check(
        (await store.getTicket(again.siteId, again.id)) === null,
        'a second ticket was made',
      );
      const page = await store.listTickets(ticket.siteId, {});
      check(
        page.items.length === 1,
        `${page.items.length} tickets after a retry`,
      );
    },
  },
  {
    area: 'idempotency',
    name: 'the same key with another body is refused and writes nothing',
    async run({ store }) {
      const ticket = sampleTicket();
      const key = 'retry-key-2';
      await store.createTicket({
        ticket,
        event: sampleEvent(ticket),
        idempotency: { key, fingerprint: 'body-1' },
      });
      const other = sampleTicket();
      await checkRejects(
        () =>
          store.createTicket({
            ticket: other,
            event: sampleEvent(other),
            idempotency: { key, fingerprint: 'body-2' },
          }),
        'IDEMPOTENCY_KEY_REUSED',
        'key reuse',
      );
      check(
        (await store.getTicket(other.siteId, other.id)) === null,
        'ticket written',
      );
      const elsewhere = sampleTicket({ siteId: 'site-b' });
      const result = await store.createTicket({
        ticket: elsewhere,
        event: sampleEvent(elsewhere),
        idempotency: { key, fingerprint: 'body-2' },
      });
      check(!result.replayed, 'idempotency keys are per site');
    },
  },
  {
    area: 'idempotency',
    name: 'findIdempotency reads a used key of its own site and nothing else',
    async run({ store }) {
      const ticket = sampleTicket();
      const key = 'looked-up-key';
      check(
        (await store.findIdempotency(ticket.siteId, key)) === null,
        'an unused key was found',
      );
      await store.createTicket({
        ticket,
        event: sampleEvent(ticket),
        idempotency: { key, fingerprint: 'body-1' },
      });
      checkEqual(
        await store.findIdempotency(ticket.siteId, key),
        { ticketId: ticket.id, fingerprint: 'body-1' },
        'the used key',
      );
      check(
        (await store.findIdempotency('site-b', key)) === null,
        'a key was found on another site',
      );
      const plain = sampleTicket();
      await store.createTicket({ ticket: plain, event: sampleEvent(plain) });
      check(
        (await store.findIdempotency(ticket.siteId, plain.id)) === null,
        'a create without a key left one',
      );
    },
  },
];
