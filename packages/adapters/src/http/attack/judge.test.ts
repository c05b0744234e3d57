import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeServer, serveNode } from '../server/node.js';
import { mustRefuse } from './judge.js';
import { createTally, type Leak } from './tally.js';
import type { Site, World } from './world.js';
import { clip, keptName } from './xss.js';

// The suite's judge must see a leak when there is one: a server that
// answers what each test tells it, and a database that changes on demand.

let server: NodeServer;
let next = { status: 403, body: '{"error":{}}' };
let writes = 0;

const site = {
  id: 'acme',
  api: '',
  canaries: { note: 'secret-note' },
  victim: { token: 'tkr_victim' },
  keys: { agent: 'tka_a', supervisor: 'tka_s' },
  session: 'tks_s',
} as unknown as Site;

const world = {
  sites: [site, site],
  snapshot: () => ({ sum: String(writes), tickets: 0, events: 0 }),
  attachmentWrites: () => 0,
} as unknown as World;

beforeAll(async () => {
  server = await serveNode(async () => {
    if (next.status === 0) writes++;
    return new Response(next.body, { status: next.status || 403 });
  });
  site.api = server.url;
});
afterAll(() => server.close());

async function judge(status: number, body = '{"error":{}}') {
  next = { status, body };
  const leaks: Leak[] = [];
  const tally = createTally('test', leaks);
  await mustRefuse(
    world,
    tally,
    site,
    { method: 'GET', path: '/x', headers: {} },
    'probe',
  );
  return tally.figures;
}

describe('the attack judge', () => {
  it('counts a clean 4xx as refused', async () => {
    expect(await judge(403)).toMatchObject({ tried: 1, refused: 1, leaked: 0 });
  });

  it('counts a 2xx, a 5xx, a write and a quote as leaks', async () => {
    expect(await judge(200)).toMatchObject({ leaked: 1, serverErrors: 0 });
    expect(await judge(500)).toMatchObject({ leaked: 1, serverErrors: 1 });
    expect(await judge(0)).toMatchObject({ leaked: 1, refused: 0 });
    expect(await judge(404, '{"note":"secret-note"}')).toMatchObject({
      leaked: 1,
    });
  });
});

describe('what the XSS group expects back', () => {
  it('keeps the last path segment of a file name, with an extension of its type', () => {
    expect(keptName('../../etc/passwd')).toBe('passwd.txt');
    expect(keptName('<img src=x onerror=a()>')).toBe(
      '<img src=x onerror=a()>.txt',
    );
    expect(keptName('notes.LOG')).toBe('notes.LOG');
    expect(keptName('a/b/')).toBeNull();
  });

  it('clips without splitting a character', () => {
    expect(clip('ab\u{1F600}', 3)).toBe('ab');
    expect(clip('abc', 5)).toBe('abc');
  });
});
