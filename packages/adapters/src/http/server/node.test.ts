import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { seededDesk } from './test-setup.js';

/** Sends raw bytes and resolves with whatever comes back. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(3000, () => socket.destroy(new Error('timeout')));
    socket.end(bytes);
  });
}

describe('serveNode', () => {
  it('binds 127.0.0.1 by default on an ephemeral port', async () => {
    const server = await serveNode(async () => new Response('ok'));
    try {
      expect(server.host).toBe('127.0.0.1');
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const address = server.server.address();
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
      expect(await (await fetch(server.url)).text()).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('streams request bodies in and response bodies out', async () => {
    const server = await serveNode(async (request) => {
      const text = await request.text();
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(`${request.method} `));
            controller.enqueue(new TextEncoder().encode(text.toUpperCase()));
            controller.close();
          },
        }),
        { status: 202, headers: { 'x-path': new URL(request.url).pathname } },
      );
    });
    try {
      const response = await fetch(`${server.url}/a/b?c=1`, {
        method: 'POST',
        body: 'hello',
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('x-path')).toBe('/a/b');
      expect(await response.text()).toBe('POST HELLO');
    } finally {
      await server.close();
    }
  });

  it('answers 500 without detail when the handler itself throws', async () => {
    const server = await serveNode(async () => {
      throw new Error('secret detail');
    });
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('secret');
    } finally {
      await server.close();
    }
  });

  it('survives garbage on the socket and keeps serving', async () => {
    const { desk } = await seededDesk();
    const server = await serveNode(createHttpHandler({ desk }));
    try {
      const answer = await raw(server.port, 'NOT HTTP AT ALL\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      const response = await fetch(`${server.url}/api/v1/openapi.json`);
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('ends open event streams on close', async () => {
    const { desk, keys } = await seededDesk();
    const { ticket } = await desk.submit({
      subject: 'x',
      description: 'y',
      requester: { email: 'a@example.com' },
    });
    const server = await serveNode(createHttpHandler({ desk }));
    const response = await fetch(
      `${server.url}/api/v1/tickets/${ticket.id}/stream`,
      { headers: { authorization: `Bearer ${keys.agent}` } },
    );
    const reader = response.body!.getReader();
    await reader.read();
    await server.close();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).resolves.toBe('ended');
  });

  it('answers what Node cannot parse in the API error shape', async () => {
    const server = await serveNode(async () => new Response('ok'));
    try {
      const lying = await raw(
        server.port,
        'POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      );
      expect(lying).toMatch(/^HTTP\/1\.1 400 /);
      expect(lying).toContain('"code":"MALFORMED_REQUEST"');
      const huge = await raw(
        server.port,
        `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
      expect(huge).toContain('"code":"HEADERS_TOO_LARGE"');
    } finally {
      await server.close();
    }
  });

  it('answers a body shorter than its Content-Length with 408 in time', async () => {
    const server = await serveNode(
      async (request) => new Response(await request.text()),
      { requestTimeoutMs: 600 },
    );
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
          text += chunk;
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.write(
          'POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"a":1}',
        );
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });
});
