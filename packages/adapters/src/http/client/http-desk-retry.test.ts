import { ConflictError, ValidationError } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aSubmission,
  startServer,
  type TestServer,
} from '../server/test-setup.js';
import { HttpDeskError } from './errors.js';
import { createHttpDesk } from './http-desk.js';
import type { RetryEvent } from './types.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

type Step =
  | 'pass'
  | 'hang'
  | 'lose-after'
  | { status: number; retryAfter?: string };

/**
 * A fetch that plays `plan` one step per request, then passes: `hang`
 * waits until the client's signal gives up, `lose-after` lets the
 * server do the work and throws the answer away.
 */
function scripted(plan: Step[]) {
  const seen: { method: string; url: string }[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    seen.push({ method: init?.method ?? 'GET', url: String(input) });
    const step = plan.shift() ?? 'pass';
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (typeof step === 'object') {
      const headers: Record<string, string> = {};
      if (step.retryAfter !== undefined)
        headers['retry-after'] = step.retryAfter;
      return Response.json(
        { error: { code: 'INTERNAL_ERROR', message: 'scripted' } },
        { status: step.status, headers },
      );
    }
    const response = await fetch(input, init);
    if (step === 'lose-after') {
      await response.body?.cancel();
      throw new TypeError('fetch failed: the answer was lost');
    }
    return response;
  };
  return { fetcher, seen };
}

/** Short waits; a time limit no loaded machine reaches by accident. */
const quick = { retryDelayMs: 1, timeoutMs: 10_000 };
/** For the tests that hang on purpose. */
const hasty = { retryDelayMs: 1, timeoutMs: 300 };

describe('createHttpDesk: which answers are retried', () => {
  const RETRIED = [408, 425, 429, 500, 502, 503, 504];
  const FINAL = [400, 401, 403, 404, 409, 412, 413, 422, 501, 505];

  it.each(RETRIED)('retries a %i', async (code) => {
    const { fetcher, seen } = scripted([{ status: code }, { status: code }]);
    const desk = createHttpDesk({ baseUrl: t.api, fetch: fetcher, ...quick });
    const result = await desk.submit(aSubmission());
    expect(result.ticket.id).toBeTruthy();
    expect(seen).toHaveLength(3);
  });

  it.each(FINAL)('does not retry a %i', async (code) => {
    const { fetcher, seen } = scripted([{ status: code }]);
    const desk = createHttpDesk({ baseUrl: t.api, fetch: fetcher, ...quick });
    const error = await desk.submit(aSubmission()).catch((e) => e);
    expect(error.status).toBe(code);
    expect(seen).toHaveLength(1);
  });
});

describe('createHttpDesk: time-outs', () => {
  it('counts a hung read as a failure and tries again', async () => {
    const { id } = await t.submit();
    const { fetcher, seen } = scripted(['hang']);
    const events: RetryEvent[] = [];
    const desk = createHttpDesk({
      baseUrl: t.api,
      apiKey: t.keys.agent,
      fetch: fetcher,
      ...hasty,
      onRetry: (e) => events.push(e),
    });
    expect((await desk.get(id)).id).toBe(id);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({
      retry: 1,
      reason: 'timeout',
      method: 'GET',
      path: `/tickets/${id}`,
    });
  });

  it('throws the TimeoutError when every try hangs', async () => {
    const { fetcher, seen } = scripted(['hang', 'hang', 'hang']);
    const desk = createHttpDesk({ baseUrl: t.api, fetch: fetcher, ...hasty });
    const error = await desk.submit(aSubmission()).catch((e) => e);
    expect(error.name).toBe('TimeoutError');
    expect(seen).toHaveLength(3);
  });

  it('times out against a real server that never answers', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const desk = createHttpDesk({
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      retries: 1,
      ...hasty,
    });
    const error = await desk.get('x').catch((e) => e);
    silent.closeAllConnections();
    silent.close();
    expect(error.name).toBe('TimeoutError');
  });
});

describe('createHttpDesk: Retry-After', () => {
  it('honours Retry-After: 0 on a 429 and reports it', async () => {
    const { fetcher } = scripted([{ status: 429, retryAfter: '0' }]);
    const events: RetryEvent[] = [];
    const desk = createHttpDesk({
      baseUrl: t.api,
      fetch: fetcher,
      ...quick,
      onRetry: (e) => events.push(e),
    });
    await desk.submit(aSubmission());
    expect(events).toMatchObject([
      { reason: 'status', status: 429, retryAfterMs: 0 },
    ]);
  });

  it('gives up at once when Retry-After is longer than maxRetryDelayMs', async () => {
    const { fetcher, seen } = scripted([{ status: 503, retryAfter: '120' }]);
    const desk = createHttpDesk({
      baseUrl: t.api,
      fetch: fetcher,
      maxRetryDelayMs: 10_000,
    });
    const error = await desk.submit(aSubmission()).catch((e) => e);
    expect(error).toBeInstanceOf(HttpDeskError);
    expect(error.status).toBe(503);
    expect(seen).toHaveLength(1);
  });
});

describe('createHttpDesk: changes', () => {
  const triage = {
    type: 'triage',
    impact: 'low',
    urgency: 'low',
    teamId: 'service-desk',
  } as const;

  it('retries an If-Match command, and flags a 412 that may be its own doing', async () => {
    const { id } = await t.submit();
    const { fetcher, seen } = scripted(['lose-after']);
    const desk = createHttpDesk({
      baseUrl: t.api,
      apiKey: t.keys.agent,
      fetch: fetcher,
      ...quick,
    });
    const error = await desk
      .execute(id, triage, { expectedVersion: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.details).toMatchObject({
      expected: 1,
      actual: 2,
      maybeApplied: true,
    });
    expect(seen).toHaveLength(2);
    const events = await t.desk.events(id);
    expect(events.filter((e) => e.type === 'ticket.triaged')).toHaveLength(1);
  });

  it('retries an If-Match command refused with 429, and it lands once', async () => {
    const { id } = await t.submit();
    const { fetcher, seen } = scripted([{ status: 429, retryAfter: '0' }]);
    const desk = createHttpDesk({
      baseUrl: t.api,
      apiKey: t.keys.agent,
      fetch: fetcher,
      ...quick,
    });
    const { ticket } = await desk.execute(id, triage, { expectedVersion: 1 });
    expect(ticket.version).toBe(2);
    expect(seen).toHaveLength(2);
  });

  it('does not flag a plain conflict', async () => {
    const { id } = await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    await desk.note(id, 'first');
    const error = await desk
      .execute(id, triage, { expectedVersion: 1 })
      .catch((e) => e);
    expect(error.details).not.toHaveProperty('maybeApplied');
  });

  it('never retries a note sent without a version', async () => {
    const { id } = await t.submit();
    const { fetcher, seen } = scripted(['lose-after']);
    const desk = createHttpDesk({
      baseUrl: t.api,
      apiKey: t.keys.agent,
      fetch: fetcher,
      ...quick,
    });
    const error = await desk.note(id, 'Checked the logs.').catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(1);
    const events = await t.desk.events(id);
    expect(events.filter((e) => e.type === 'ticket.noted')).toHaveLength(1);
  });

  it('never retries a 503 to a create without a key', async () => {
    const { fetcher, seen } = scripted([{ status: 503, retryAfter: '0' }]);
    const desk = createHttpDesk({
      baseUrl: t.api,
      apiKey: t.keys.supervisor,
      fetch: fetcher,
      ...quick,
    });
    const error = await desk.createTeam({ name: 'Field' }).catch((e) => e);
    expect(error.status).toBe(503);
    expect(seen).toHaveLength(1);
  });
});

describe('createHttpDesk: options', () => {
  it.each([
    [{ retries: -1 }, '`retries`'],
    [{ retries: 1.5 }, '`retries`'],
    [{ jitter: 'half' }, '`jitter`'],
    [{ timeoutMs: 0 }, '`timeoutMs`'],
    [{ maxRetryDelayMs: Number.NaN }, '`maxRetryDelayMs`'],
    [{ onRetry: 'log' }, '`onRetry`'],
  ])('refuses %o, naming the option', (bad, name) => {
    const make = () => createHttpDesk({ baseUrl: t.api, ...(bad as object) });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(name);
  });

  it('still names a missing baseUrl', () => {
    expect(() => createHttpDesk({} as never)).toThrow('`baseUrl`');
  });

  it('throws BAD_RESPONSE for a 200 that is not JSON, without retrying', async () => {
    let calls = 0;
    const desk = createHttpDesk({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      apiKey: 'tka_x',
      fetch: async () => {
        calls++;
        return new Response('<html>hello</html>', { status: 200 });
      },
    });
    const error = await desk.get('x').catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
    expect(calls).toBe(1);
  });
});
