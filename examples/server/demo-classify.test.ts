import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { demoClassifier } from './demo-classify.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-classify-'));

describe('classification in the demo server', () => {
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
      let suggestion: Response | undefined;
      for (let i = 0; i < 50; i++) {
        suggestion = await fetch(
          `${demo.url}/api/v1/tickets/${ticket.id}/suggestion`,
          { headers: auth },
        );
        if (suggestion.status === 200) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(suggestion?.status).toBe(200);
      const body = await suggestion!.json();
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
    } finally {
      await demo.close();
    }
    expect(errors).toEqual([]);
  }, 90_000);
});
