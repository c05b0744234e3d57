import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escalateByAge } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { readTicketTexts } from '../../packages/core/src/classify/ticket-texts.ts';
import { startDemo } from './demo.ts';
import { DEMO_TRIGGERS } from './demo-automation.ts';
import {
  DEMO_CATEGORIES,
  DEMO_CLASSIFY_RULES,
  DEMO_ESCALATION,
  demoClassifier,
} from './demo-classify.ts';
import { createLogger } from './log.ts';

/** Polls a ticket's suggestion until the classifier has made it. */
async function suggestionOf(
  url: string,
  ticketId: string,
  auth: Record<string, string>,
): Promise<Response> {
  let response: Response | undefined;
  for (let i = 0; i < 100; i++) {
    response = await fetch(`${url}/api/v1/tickets/${ticketId}/suggestion`, {
      headers: auth,
    });
    if (response.status === 200) return response;
    await new Promise((r) => setTimeout(r, 20));
  }
  return response!;
}

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-classify-'));

describe('classification in the demo server', () => {
  it("has one list of categories: the model's labels, the rules, the page and the assistant", () => {
    const labels = new Set(readTicketTexts().map((r) => r.label));
    expect(new Set(DEMO_CATEGORIES)).toEqual(labels);
    for (const rule of DEMO_CLASSIFY_RULES) {
      const category = rule.set.category;
      if (category) expect(DEMO_CATEGORIES).toContain(category);
    }
    const pages = [
      './public/index.html',
      '../embed/index.html',
      '../embed/inline.html',
    ];
    for (const path of pages) {
      const page = readFileSync(new URL(path, import.meta.url), 'utf8');
      const attribute = /<ticket-widget[^>]*categories="([^"]*)"/.exec(page);
      expect(attribute?.[1]?.split(','), path).toEqual([...DEMO_CATEGORIES]);
    }
    expect(DEMO_TRIGGERS.length).toBeGreaterThan(0);
  });

  it('trains on the ticket texts once, then classifies and applies rules to new tickets', async () => {
    const errors: unknown[] = [];
    const quiet = createLogger({ quiet: true });
    const logger = {
      ...quiet,
      error: (message: string, fields: Record<string, unknown>) =>
        errors.push({ message, fields }),
    };
    const dbFile = join(dir, 'classify.sqlite');
    const first = await startDemo({
      port: 0,
      dbFile,
      seed: false,
      routing: false,
      logger,
    });
    try {
      // The seed option also trains the model; train it here instead.
      const trained = await demoClassifier(first.desk, logger, { train: true });
      trained.stop();
      expect(trained.model.examples).toBe(2000);
    } finally {
      await first.close();
    }

    const demo = await startDemo({
      port: 0,
      dbFile,
      seed: false,
      routing: false,
      logger,
    });
    try {
      const auth = {
        authorization: `Bearer ${await demo.desk.createApiKey('demo-agent')}`,
      };
      const classified = await fetch(`${demo.url}/api/v1/classify`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          text: 'please order a new laptop and a docking station, purchase approved',
        }),
      });
      expect(classified.status).toBe(200);
      expect((await classified.json()).labels).toHaveLength(8);

      const submitted = await fetch(`${demo.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: 'Locked out after password change',
          description: 'Urgent: my password does not work on the VPN.',
          requester: { email: 'r@example.com' },
        }),
      });
      expect(submitted.status).toBe(201);
      const { ticket } = await submitted.json();
      const suggestion = await suggestionOf(demo.url, ticket.id, auth);
      expect(suggestion.status).toBe(200);
      const body = await suggestion.json();
      expect(body.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual([
        'access-words',
        'urgent',
      ]);
      expect(body.applied).toBe(true);
      const after = await demo.desk.get(ticket.id);
      expect(after).toMatchObject({
        category: 'Access',
        urgency: 'high',
        status: 'open',
      });
      expect(after?.tags).toContain('access');

      // Escalation with age, as the minute timer runs it, 4.5 hours on.
      const { ticket: plain } = await demo.desk.submit({
        subject: 'Monitor stand',
        description: 'Could I get a taller monitor stand?',
        requester: { email: 'r@example.com' },
      });
      await suggestionOf(demo.url, plain.id, auth);
      const later = new Date(Date.now() + 4.5 * 3_600_000);
      const raised = await escalateByAge(demo.desk, DEMO_ESCALATION, later);
      const mine = raised.find((r) => r.ticket.id === plain.id);
      expect(mine?.ticket.priorityReason).toMatch(/escalation by age/);
    } finally {
      await demo.close();
    }
    expect(errors).toEqual([]);
  }, 90_000);
});
