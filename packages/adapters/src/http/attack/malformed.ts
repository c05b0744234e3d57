import fc from 'fast-check';
import { mustRefuse } from './judge.js';
import { type Target, targetsFor } from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

const JSON_TYPE = 'application/json';

/** A credential that reaches each route's body: the attack is the body. */
function credentialFor(site: Site, target: Target): string | null {
  const { access } = target.route;
  if (access === 'none' || access === 'public') return null;
  if (access === 'identity') return site.attacker.identity;
  return site.keys.supervisor;
}

/** Hand-written bodies no route may choke on, for a route's valid body. */
function craftedBodies(valid: string): [string, string | Uint8Array, string][] {
  const deepArray = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
  const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
  const withKey = (key: string, value: string) =>
    valid.length > 2
      ? `{"${key}":${value},${valid.slice(1)}`
      : `{"${key}":${value}}`;
  const cases: [string, string | Uint8Array, string][] = [
    [
      'truncated JSON',
      valid.slice(0, Math.max(1, valid.length - 3)),
      JSON_TYPE,
    ],
    ['empty body', '', JSON_TYPE],
    ['JSON as text/plain', valid, 'text/plain'],
    ['JSON as form data', valid, 'application/x-www-form-urlencoded'],
    [
      'invalid UTF-8',
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      JSON_TYPE,
    ],
    ['byte order mark', `\uFEFF${valid}`, JSON_TYPE],
    [
      'oversized body',
      JSON.stringify({ pad: 'x'.repeat(70 * 1024) }),
      JSON_TYPE,
    ],
    ['nested arrays 30,000 deep', deepArray, JSON_TYPE],
    ['nested objects 10,000 deep', deepObject, JSON_TYPE],
    [
      'nesting in every field',
      valid.replace(
        /:("[^"]*"|\d+)/g,
        `:${'['.repeat(5000)}1${']'.repeat(5000)}`,
      ),
      JSON_TYPE,
    ],
    [
      '__proto__ key',
      withKey(
        '__proto__',
        '{"isAdmin":true,"role":"supervisor","polluted":"yes"}',
      ),
      JSON_TYPE,
    ],
    [
      'constructor.prototype key',
      withKey('constructor', '{"prototype":{"polluted":"yes"}}'),
      JSON_TYPE,
    ],
    ['duplicate keys', withKey('type', '"merge"'), JSON_TYPE],
    ['top-level array', `[${valid}]`, JSON_TYPE],
    ['top-level string', JSON.stringify(valid), JSON_TYPE],
    ['null', 'null', JSON_TYPE],
    ['NaN literal', '{"rating":NaN}', JSON_TYPE],
  ];
  for (const [name, literal] of [
    ['huge number', '1e400'],
    ['huge integer', '123456789012345678901234567890'],
    ['negative zero', '-0'],
    ['tiny number', '5e-324'],
    ['wrong type: array', '[]'],
    ['wrong type: object', '{}'],
    ['wrong type: null', 'null'],
    ['wrong type: boolean', 'true'],
  ] as const) {
    cases.push([
      name,
      valid.replace(/:("[^"]*"|\d+)/g, `:${literal}`),
      JSON_TYPE,
    ]);
  }
  return cases;
}

/** Keys each route knows, and the ones that try to reach prototypes. */
const KEYS = [
  'type',
  'subject',
  'description',
  'requester',
  'email',
  'name',
  'fields',
  'category',
  'attachments',
  'body',
  'visibility',
  'rating',
  'comment',
  'reason',
  'note',
  'code',
  'password',
  'role',
  'teamIds',
  'id',
  'active',
  'impact',
  'urgency',
  'assigneeId',
  'intoId',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

const fuzzBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: 6,
    })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{',
    '}',
    '[',
    '"',
    '{"type":',
    '{"__proto__":{"polluted":1}}',
  ),
);

const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });

const fuzzHeaders = fc.record(
  {
    'content-type': fc.oneof(
      fc.constant(JSON_TYPE),
      fc.constantFrom(
        'application/json; charset=utf-16',
        'application/problem+json',
        'text/json',
        'multipart/form-data',
      ),
      headerText,
    ),
    'if-match': fc.oneof(
      fc.constantFrom(
        '"1"',
        '*',
        '"-1"',
        '"1e999"',
        'W/"1"',
        '"99999999999999999999"',
      ),
      headerText,
    ),
    'idempotency-key': headerText,
    origin: headerText,
    'last-event-id': headerText,
    'ticketry-captcha': headerText,
  },
  { requiredKeys: [] },
);

const polluted = () =>
  Object.keys(Object.prototype).length > 0 ||
  ({} as Record<string, unknown>).polluted !== undefined;

/** Header values fetch itself refuses to send are not attacks on us. */
function sendable(headers: Record<string, string>): boolean {
  try {
    new Headers(headers);
    return true;
  } catch {
    return false;
  }
}

async function attack(
  world: World,
  tally: Tally,
  site: Site,
  target: Target,
  what: string,
) {
  if (!sendable(target.headers)) return;
  await mustRefuse(world, tally, site, target, what, {
    accept: [200, 201, 204, 304],
    quotes: false,
  });
  if (polluted()) tally.leak(`${what}: Object.prototype was polluted`);
}

/**
 * Malformed, oversized, deeply nested and wrongly typed JSON, huge
 * numbers, prototype keys, and bodies and headers fuzzed with
 * fast-check, on every route of site acme: never a 500, and every
 * refused request leaves the database byte for byte as it was.
 */
export async function malformedAttacks(
  world: World,
  leaks: Leak[],
  runsPerRoute = 30,
  seed = 8,
) {
  const tally = createTally('malformed and fuzzed', leaks);
  const site = world.sites[0];
  const ids = {
    ticket: site.scratch.id,
    attachment: 'att_00000000000000000000000000000000',
    requester: 'no-such-requester',
    agent: 'no-such-agent',
  };
  const targets = targetsFor(ids);
  for (const [i, target] of targets.entries()) {
    const secret = credentialFor(site, target);
    const auth: Record<string, string> = secret
      ? { authorization: `Bearer ${secret}` }
      : {};
    const route = `${target.method} ${target.route.path}`;
    if (target.route.body) {
      // A route routes.ts has no valid body for yet gets an empty object.
      const valid = typeof target.body === 'string' ? target.body : '{}';
      for (const [what, body, type] of craftedBodies(valid)) {
        const headers = { ...target.headers, ...auth, 'content-type': type };
        await attack(
          world,
          tally,
          site,
          { ...target, headers, body },
          `${what} on ${route}`,
        );
      }
    }
    const samples = fc.sample(fc.tuple(fuzzBody, fuzzHeaders), {
      numRuns: runsPerRoute,
      seed: seed + i,
    });
    for (const [body, headers] of samples) {
      const method = target.method;
      const withBody = method === 'GET' || method === 'DELETE' ? {} : { body };
      await attack(
        world,
        tally,
        site,
        { ...target, ...withBody, headers: { ...headers, ...auth } },
        `fuzz on ${route}`,
      );
    }
  }
  return tally.figures;
}
