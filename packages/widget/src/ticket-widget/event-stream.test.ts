import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readEventStream,
  type StreamEvent,
  StreamRefused,
} from './event-stream.js';

/** What the server writes for each path, piece by piece. */
const STREAMS: Record<string, string[]> = {
  '/fields': [
    ': a comment\n',
    'retry: 2500\nid: 7\n',
    'event: ticket\ndata: {"a":\ndata:1}\n\n',
    'data:no space\ndata\n\n',
    'data:  two spaces\n\n',
  ],
  // Lines and events cut anywhere, ended by \r\n and \r.
  '/pieces': ['event: tic', 'ket\r\nda', 'ta: x', '\u2028y\r\r', 'data: z\n'],
  // A \r\n cut between two reads is one line end, not two: the event
  // must not be dispatched at the \r.
  '/split-crlf': ['data: one\r', '\ndata: two\r\n\r', '\n'],
  '/ignored': [
    'event: lone\n\n',
    'id: a\0b\nretry: soon\nunknown: 1\nid\n',
    'data: kept\n\n',
  ],
};

let server: Server;
let base = '';
const seen: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen[req.url ?? ''] = req.headers['last-event-id'] as string | undefined;
    const pieces = STREAMS[req.url ?? ''];
    if (!pieces) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    // One write per piece, a little apart: the reader gets them apart.
    let at = 0;
    const next = () => {
      if (at === pieces.length) return void res.end();
      res.write(pieces[at++]);
      setTimeout(next, 5);
    };
    next();
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Reads one stream to its end; what the callbacks saw. */
async function read(path: string, lastEventId = '') {
  const events: StreamEvent[] = [];
  const ids: string[] = [];
  const retries: number[] = [];
  let opened = 0;
  await readEventStream(`${base}${path}`, {
    signal: new AbortController().signal,
    lastEventId,
    onOpen: () => opened++,
    onEvent: (event) => events.push(event),
    onId: (id) => ids.push(id),
    onRetry: (ms) => retries.push(ms),
  });
  return { events, ids, retries, opened };
}

describe('readEventStream', () => {
  it('reads fields, comments and multi-line data as the standard does', async () => {
    const got = await read('/fields', '6');
    expect(got.opened).toBe(1);
    expect(seen['/fields']).toBe('6');
    expect(got.retries).toEqual([2500]);
    expect(got.ids).toEqual(['7']);
    expect(got.events).toEqual([
      { type: 'ticket', data: '{"a":\n1}' },
      { type: 'message', data: 'no space\n' },
      { type: 'message', data: ' two spaces' },
    ]);
  });

  it('joins lines cut between reads and keeps U+2028 in data', async () => {
    const got = await read('/pieces');
    expect(seen['/pieces']).toBeUndefined();
    // The last event has no blank line after it: never dispatched.
    expect(got.events).toEqual([{ type: 'ticket', data: 'x\u2028y' }]);
  });

  it('takes a \\r\\n cut between reads as one line end', async () => {
    const got = await read('/split-crlf');
    expect(got.events).toEqual([{ type: 'message', data: 'one\ntwo' }]);
  });

  it('drops events without data, ids with NUL and retries not in digits', async () => {
    const got = await read('/ignored');
    expect(got.ids).toEqual(['']);
    expect(got.retries).toEqual([]);
    expect(got.events).toEqual([{ type: 'message', data: 'kept' }]);
  });

  it('refuses an error answer', async () => {
    await expect(read('/down')).rejects.toBeInstanceOf(StreamRefused);
  });
});
