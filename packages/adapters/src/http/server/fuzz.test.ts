import { COMMAND_TYPES, type Desk } from '@ticketry/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler } from './handler.js';
import { ROUTES } from './routes.js';
import { aSubmission, seededDesk } from './test-setup.js';

const BASE = 'http://fuzz.test/api/v1';
const errors: unknown[] = [];
let handler: HttpHandler;
let desk: Desk;
let keys: { agent: string; supervisor: string; other: string };
let ids: string[];
let secrets: string[];

beforeAll(async () => {
  ({ desk, keys } = await seededDesk());
  handler = createHttpHandler({
    desk,
    maxBodyBytes: 16 * 1024,
    heartbeatMs: 1000,
    logger: { error: (_message, fields) => errors.push(fields.error) },
  });
  const a = await desk.submit(aSubmission(), {
    idempotencyKey: 'fuzz-key-0001',
  });
  const b = await desk.submit(aSubmission({ subject: 'Other' }));
  ids = [a.ticket.id, b.ticket.id];
  secrets = [
    keys.agent,
    keys.supervisor,
    await desk.createAccessToken(a.ticket.id),
  ];
});

const ascii = (maxLength = 40) =>
  fc.string({ unit: 'grapheme-ascii', maxLength });

const segment = () =>
  fc.oneof(
    fc.constantFrom(
      'tickets',
      'commands',
      'messages',
      'events',
      'stream',
      'agents',
      'teams',
      'openapi.json',
      '%zz',
      '%E0%A4%A',
      '..',
      '',
      '%2F',
    ),
    fc.constant('ID'),
    ascii(20).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );

const randomPath = () =>
  fc
    .array(segment(), { minLength: 1, maxLength: 4 })
    .map((parts) => `/${parts.join('/')}`);

const ticketId = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('ID', 'ID2') },
    { weight: 1, arbitrary: segment() },
  );

/** Mostly the routes the handler serves, sometimes anything. */
const target = () =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({
          route: fc.constantFrom(...ROUTES),
          id: ticketId(),
          other: fc.boolean(),
          method: fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'GET', 'POST'),
        })
        .map(({ route, id, other, method }) => ({
          path: route.path.replace(':id', id),
          method: other ? method : route.method,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        path: randomPath(),
        method: fc.constantFrom(
          'GET',
          'POST',
          'PUT',
          'PATCH',
          'DELETE',
          'OPTIONS',
        ),
      }),
    },
  );

const authorization = () =>
  fc.oneof(
    fc.constant(undefined),
    { weight: 10, arbitrary: fc.constantFrom('SECRET0', 'SECRET1', 'SECRET2') },
    ascii().map((s) => `Bearer ${s}`),
    ascii().map((s) => `Bearer tka_${s}`),
    ascii().map((s) => `Bearer tkr_${s}`),
    ascii(),
  );

const level = () =>
  fc.oneof(fc.constantFrom('high', 'medium', 'low'), fc.anything());

/** Mostly well-formed commands, with some fields replaced by anything. */
const command = () =>
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.anything()),
      impact: level(),
      urgency: level(),
      teamId: fc.oneof(fc.constant('service-desk'), fc.anything()),
      assigneeId: fc.oneof(fc.constant('ada'), fc.anything()),
      reason: fc.oneof(
        fc.constantFrom('requester', 'withdrawn'),
        fc.anything(),
      ),
      body: fc.oneof(ascii(), fc.anything()),
      code: ascii(),
      note: ascii(),
      rating: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.anything()),
      intoId: fc.oneof(fc.constant('ID'), fc.anything()),
      visibility: fc.oneof(
        fc.constantFrom('public', 'internal'),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  );

const body = () =>
  fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 4 }),
    ascii(200),
    { weight: 4, arbitrary: command().map((c) => JSON.stringify(c)) },
    fc
      .record(
        { subject: fc.anything(), description: fc.anything() },
        { requiredKeys: [] },
      )
      .map((over) => JSON.stringify(aSubmission(over))),
    fc.constant(JSON.stringify(aSubmission())),
    fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 1, max: 3000 }).map((n) => '{"a":'.repeat(n)),
    fc.constant(`"${'x'.repeat(20 * 1024)}"`),
  );

const request = () =>
  fc.record({
    target: target(),
    query: fc.oneof(
      fc.constant(''),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              'status',
              'limit',
              'sort',
              'cursor',
              'access_token',
              'x',
            ),
            ascii(12),
          ),
          {
            maxLength: 4,
          },
        )
        .map((pairs) => `?${new URLSearchParams(pairs)}`),
    ),
    authorization: authorization(),
    ifMatch: fc.option(
      fc.oneof(
        fc.nat({ max: 6 }).map((n) => `"${n}"`),
        ascii(12),
      ),
    ),
    idempotencyKey: fc.option(ascii(300)),
    contentType: fc.option(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        fc.constantFrom('text/plain', 'application/problem+json', ''),
      ),
    ),
    body: body(),
  });

type Fuzzed =
  ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

function toRequest(input: Fuzzed): Request | null {
  const { method, path } = input.target;
  const fill = (s: string) =>
    s
      .replaceAll('ID2', ids[1]!)
      .replaceAll('ID', ids[0]!)
      .replace(/SECRET(\d)/, (_, i) => `Bearer ${secrets[Number(i)]}`);
  const headers = new Headers();
  if (input.authorization !== undefined)
    headers.set('authorization', fill(input.authorization));
  if (input.ifMatch !== null) headers.set('if-match', input.ifMatch);
  if (input.idempotencyKey !== null)
    headers.set('idempotency-key', input.idempotencyKey);
  if (input.contentType !== null)
    headers.set('content-type', input.contentType);
  const hasBody =
    input.body !== undefined && !['GET', 'OPTIONS'].includes(method);
  try {
    return new Request(`${BASE}${fill(path)}${input.query}`, {
      method,
      headers,
      ...(hasBody && { body: fill(input.body!) }),
    });
  } catch {
    return null;
  }
}

describe('fuzzing the handler', () => {
  it('never answers 5xx to random methods, paths, headers and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(request(), async (input) => {
        const req = toRequest(input);
        fc.pre(req !== null);
        const controller = new AbortController();
        const response = await handler(
          new Request(req!, { signal: controller.signal }),
        );
        const type = response.headers.get('content-type') ?? '';
        if (type.startsWith('text/event-stream')) {
          controller.abort();
          await response.body?.cancel();
        } else if (response.status >= 400) {
          const payload = await response.json();
          expect(payload.error.code).toEqual(expect.any(String));
          expect(payload.error.message).toEqual(expect.any(String));
        } else {
          await response.body?.cancel();
        }
        expect(response.status, JSON.stringify(input)).toBeLessThan(500);
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 20_251_204) },
    );
    expect(errors).toEqual([]);
  });
});

/** Commands shaped as the schema wants, so they reach the desk. */
const wellFormed = () =>
  fc.oneof(
    fc.record({
      type: fc.constant('triage'),
      impact: level(),
      urgency: level(),
      teamId: fc.constantFrom('service-desk', 'network', 'ghosts'),
    }),
    fc.record({
      type: fc.constant('assign'),
      assigneeId: fc.constantFrom('ada', 'bob', 'sam', 'nobody'),
    }),
    fc.record({ type: fc.constantFrom('start', 'resume', 'accept', 'close') }),
    fc.record({
      type: fc.constant('pend'),
      reason: fc.constantFrom('requester', 'vendor'),
    }),
    fc.record({
      type: fc.constantFrom('reply', 'note'),
      body: fc.constant('Any news?'),
    }),
    fc.record({
      type: fc.constant('resolve'),
      code: fc.constant('fixed'),
      note: fc.constant('Done.'),
    }),
    fc.record({
      type: fc.constant('reject'),
      reason: fc.constant('Still broken'),
    }),
    fc.record({
      type: fc.constant('rate'),
      rating: fc.integer({ min: 1, max: 5 }),
    }),
    fc.record({
      type: fc.constant('cancel'),
      reason: fc.constantFrom('withdrawn', 'spam'),
    }),
    fc.record({
      type: fc.constant('merge'),
      intoId: fc.constantFrom('ID', 'ID2', 'nope'),
    }),
  );

const step = () =>
  fc.record({
    command: wellFormed(),
    who: fc.constantFrom<Who>('agent', 'supervisor', 'requester', 'other'),
    version: fc.oneof(
      { weight: 6, arbitrary: fc.constant('current' as const) },
      fc.nat({ max: 8 }),
      fc.constant(null),
    ),
    asMessage: fc.boolean(),
  });

type Who = 'agent' | 'supervisor' | 'requester' | 'other';

describe('fuzzing the lifecycle over the handler', () => {
  it('answers random command sequences with typed 2xx or 4xx, never 5xx', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(step(), { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const { ticket } = await desk.submit(aSubmission());
          const secret: Record<Who, string> = {
            ...keys,
            requester: await desk.createAccessToken(ticket.id),
          };
          let current = ticket.version;
          for (const { command, who, version, asMessage } of steps) {
            const ifMatch = version === 'current' ? current : version;
            const json = JSON.stringify(command)
              .replaceAll('"ID"', `"${ticket.id}"`)
              .replaceAll('"ID2"', `"${ids[1]}"`);
            const response = await handler(
              new Request(
                `${BASE}/tickets/${ticket.id}/${asMessage ? 'messages' : 'commands'}`,
                {
                  method: 'POST',
                  headers: {
                    authorization: `Bearer ${secret[who]}`,
                    'content-type': 'application/json',
                    ...(ifMatch !== null && { 'if-match': `"${ifMatch}"` }),
                  },
                  body: asMessage ? '{"body":"Hello"}' : json,
                },
              ),
            );
            seen.add(response.status);
            await response.body?.cancel();
            expect(response.status).toBeLessThan(500);
            const etag = response.headers.get('etag');
            if (response.ok && etag) current = Number(etag.slice(1, -1));
          }
        },
      ),
      { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 20_251_204) },
    );
    expect(errors).toEqual([]);
    // The runs reached the desk, not just the validation in front of it.
    expect([...seen]).toEqual(
      expect.arrayContaining([200, 201, 403, 409, 412]),
    );
  });
});
