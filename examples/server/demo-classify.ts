import {
  type AgeEscalationPolicy,
  type ClassifyRuleInput,
  createTriage,
  type Desk,
  escalateByAge,
  type Triage,
} from '@ticketry/core';
import { readTicketTexts } from '../../packages/core/src/classify/ticket-texts.ts';
import type { Logger } from './log.ts';

/**
 * The demo's one list of categories: the labels of the IT tickets the
 * model learns from (data/it-service-tickets-text), offered by the
 * widget's form and the assistant and set by the rules, so a ticket
 * never carries a category the others do not know.
 */
export const DEMO_CATEGORIES = [
  'Access',
  'Administrative rights',
  'Hardware',
  'HR Support',
  'Internal Project',
  'Miscellaneous',
  'Purchase',
  'Storage',
] as const;

/**
 * Rules the demo runs before the model: a VPN or password problem is an
 * Access ticket for the service desk, urgent when the word "urgent" or
 * "asap" is in it.
 */
export const DEMO_CLASSIFY_RULES: ClassifyRuleInput[] = [
  {
    id: 'access-words',
    description: 'VPN, password and locked accounts are Access tickets',
    any: [{ field: 'text', contains: ['vpn', 'password', 'locked out'] }],
    set: { category: 'Access', teamId: 'service-desk', tags: ['access'] },
  },
  {
    id: 'urgent',
    any: [{ field: 'text', contains: ['urgent', 'asap'] }],
    set: { urgency: 'high' },
  },
];

/**
 * Classification for the demo: rules, then a text model applied from
 * 0.8 confidence and suggested below. The seeded ServiceNow history has
 * no ticket text, so on the first start the model learns from the 2,000
 * labelled IT tickets of data/it-service-tickets-text and is saved to
 * the store (with `seed`, like the history); later starts load it, and
 * `POST /api/v1/classifier/train` retrains it on that corpus plus the
 * desk's resolved tickets that have real text, without blocking the
 * server.
 */
export async function demoClassifier(
  desk: Desk,
  log: Logger,
  options: { train: boolean },
): Promise<Triage> {
  let base: ReturnType<typeof readTicketTexts> | undefined;
  const triage = await createTriage(desk, {
    rules: DEMO_CLASSIFY_RULES,
    threshold: 0.8,
    // Retraining keeps the labelled corpus and adds the desk's resolved
    // tickets with real text; the replayed history (only "Category N,
    // Subcategory M"; its tickets keep their log number) is never
    // learned from.
    learnsFrom: (ticket) => !ticket.externalId,
    baseExamples: () => {
      base ??= readTicketTexts();
      return base;
    },
    onError: (error, ticketId) =>
      log.error('classification failed', { ticketId, error }),
  });
  if (options.train && triage.model.examples === 0) {
    const started = Date.now();
    triage.model.train(readTicketTexts());
    await triage.save();
    log.info('classifier trained', {
      examples: triage.model.examples,
      labels: triage.model.labels.length,
      ms: Date.now() - started,
    });
  }
  return triage;
}

/**
 * Escalation with age in the demo: an unassigned new or open ticket
 * goes up one priority step per 4 hours waiting, up to high. The
 * replayed history (2016–2017) is left alone.
 */
export const DEMO_ESCALATION: AgeEscalationPolicy = {
  afterHours: 4,
  createdAfter: '2020-01-01T00:00:00Z',
};

/** Runs the demo's escalation once; called on the minute timer. */
export function escalateDemoTickets(desk: Desk, log: Logger): void {
  escalateByAge(desk, DEMO_ESCALATION)
    .then((raised) => {
      if (raised.length)
        log.info('priority raised by age', { tickets: raised.length });
    })
    .catch((error) => log.error('escalation failed', { error }));
}
