import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import {
  type AuditEvent,
  createDesk,
  createMemoryStore,
  createRelations,
  createRoutingService,
  type Desk,
  roundRobin,
  type TicketStore,
  teamRules,
} from '@ticketry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_TEAM } from './demo.ts';
import { demoAutomation } from './demo-automation.ts';
import { DEMO_CLASSIFY_RULES, demoClassifier } from './demo-classify.ts';
import { DEMO_MAIL_ADDRESS, demoMail } from './demo-mail.ts';
import { demoPeople } from './demo-people.ts';
import { createLogger } from './log.ts';

/**
 * The demo's whole listener set on one desk (classification, routing,
 * automation, mail intake and notifier, approvals, relations), under 50
 * tickets submitted at once by web and by mail: no listener's work may
 * be lost to another's write (issue: parallel writes dropped work).
 */
const dir = mkdtempSync(join(tmpdir(), 'ticketry-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AGENTS = ['agent-a', 'agent-b', 'agent-c'];
const CHANGE_RULE = {
  id: 'laptop-change',
  any: [{ field: 'text' as const, contains: ['new laptop'] }],
  set: { ticketType: 'change' as const, teamId: DEMO_TEAM },
};

/** Web (even) and mail (odd) tickets both get every kind. */
const kindOf = (i: number) => Math.floor(i / 2) % 4;

/** Ticket i's text: VPN (rules + tags), outage (trigger), change, other. */
function textOf(i: number) {
  const kinds = [
    ['VPN drops', 'The VPN drops every ten minutes.'],
    ['Mail is down', 'Outlook is down for the whole floor since 9.'],
    ['Need a new laptop', 'Please order a new laptop for the new hire.'],
    ['Printer jam', 'The third floor printer jams on every page.'],
  ] as const;
  const [subject, body] = kinds[kindOf(i)]!;
  return { subject: `${subject} #${i}`, body };
}

function mailOf(i: number) {
  const { subject, body } = textOf(i);
  return [
    `From: Person ${i} <person${i}@example.com>`,
    `To: ${DEMO_MAIL_ADDRESS}`,
    `Cc: Watcher ${i} <watcher${i}@example.net>, Other ${i} <other${i}@example.org>`,
    `Subject: ${subject}`,
    `Message-ID: <concurrency-${i}@mail.example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
  ].join('\r\n');
}

async function listenerDesk(store: TicketStore, name: string) {
  const errors: unknown[] = [];
  const log = {
    ...createLogger({ quiet: true }),
    error: (message: string, fields: Record<string, unknown>) =>
      errors.push({ message, fields }),
  };
  const desk = createDesk({ store });
  await desk.createTeam({ id: DEMO_TEAM, name: 'Service desk' });
  await desk.createAgent({
    id: DEMO_AGENT,
    name: 'Demo agent',
    role: 'supervisor',
    teamIds: [DEMO_TEAM],
  });
  for (const id of AGENTS) {
    await desk.createAgent({
      id,
      name: id,
      role: 'agent',
      teamIds: [DEMO_TEAM],
    });
  }
  // The same order as startDemo builds them.
  const mail = demoMail(desk, join(dir, `${name}.sqlite`), log);
  const automation = await demoAutomation(desk, log, DEMO_AGENT);
  const triage = await demoClassifier(desk, log, { train: false });
  triage.setRules([...DEMO_CLASSIFY_RULES, CHANGE_RULE]);
  const people = await demoPeople(desk, log, DEMO_AGENT);
  const relations = createRelations(desk, { rollUp: 'block' });
  const routing = createRoutingService(desk, {
    router: teamRules({
      rules: [],
      fallbackTeamId: DEMO_TEAM,
      pick: roundRobin(),
    }),
    onError: (error, ticketId) =>
      log.error('routing failed', { ticketId, error }),
  });
  const idle = async () => {
    for (let round = 0; round < 20; round++) {
      const before = (await store.readFeed(0, 100_000)).cursor;
      await Promise.all([
        triage.idle(),
        routing.idle(),
        automation.idle(),
        people.idle(),
        relations.idle(),
        mail.notifier.idle(),
      ]);
      if ((await store.readFeed(0, 100_000)).cursor === before) return;
    }
  };
  const close = async () => {
    mail.notifier.stop();
    automation.close();
    people.close();
    triage.stop();
    relations.close();
    routing.stop();
    await idle();
  };
  return { desk, mail, routing, idle, close, errors };
}

async function submitAll(desk: Desk, intake: ReturnType<typeof demoMail>) {
  const work = Array.from({ length: 50 }, async (_, i) => {
    if (i % 2 === 1) {
      const raw = new TextEncoder().encode(mailOf(i));
      const result = await intake.service.intake.receive(raw);
      expect(result.outcome).toBe('created');
      return { i, id: result.ticket!.id, mail: true };
    }
    const { subject, body } = textOf(i);
    const { ticket } = await desk.submit({
      subject,
      description: body,
      requester: { email: `person${i}@example.com` },
    });
    return { i, id: ticket.id, mail: false };
  });
  return Promise.all(work);
}

const has = (events: AuditEvent[], type: string) =>
  events.some((e) => e.type === type);

const stores: [string, () => TicketStore][] = [
  ['memory', () => createMemoryStore()],
  ['sqlite', () => sqliteStore({ filename: join(dir, 'desk.sqlite') })],
];

describe.each(stores)('the demo listeners on one %s desk', (name, make) => {
  it('lose no work when 50 tickets arrive at once', async () => {
    const store = make();
    const demo = await listenerDesk(store, name);
    const submitted = await submitAll(demo.desk, demo.mail);
    await demo.idle();

    for (const { i, id, mail } of submitted) {
      const t = (await demo.desk.get(id))!;
      const events = await demo.desk.events(id);
      const kind = kindOf(i);
      if (kind === 2) {
        // A change waits for approval, unassigned, whoever got in first.
        expect(t.type, t.ref).toBe('change');
        expect(t.status, t.ref).toBe('pending');
        expect(t.approval?.status, t.ref).toBe('pending');
        expect(t.assigneeId, t.ref).toBeNull();
      } else {
        // Routed, or queued with the reason on record.
        const queued = has(events, 'ticket.routing_queued');
        expect(t.assigneeId !== null || queued, t.ref).toBe(true);
        expect(AGENTS.concat(DEMO_AGENT)).toContain(t.assigneeId);
      }
      if (kind === 0) {
        expect(t.category, t.ref).toBe('Access');
        expect(t.tags, t.ref).toContain('access');
      }
      if (kind === 1) {
        // Both actions of the multi-action trigger.
        expect(t.tags, t.ref).toContain('possible-outage');
        const note = events.find(
          (e) =>
            e.type === 'ticket.noted' &&
            (e.data?.automation as { ruleId?: string })?.ruleId ===
              'flag-outage',
        );
        expect(note, t.ref).toBeDefined();
      }
      if (mail) {
        expect(has(events, 'ticket.mail_received'), t.ref).toBe(true);
        expect(t.watchers ?? [], t.ref).toHaveLength(2);
      }
    }
    expect(demo.errors).toEqual([]);
    await demo.close();
    await store.close();
  }, 60_000);
});
