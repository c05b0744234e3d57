import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { HttpHandler } from './handler.js';

/** Options of {@link serveNode}. */
export interface ServeNodeOptions {
  /** @default 0 (an ephemeral port; read it from the result) */
  port?: number;
  /** Loopback unless you mean otherwise. @default '127.0.0.1' */
  host?: string;
  /**
   * Longest time a client may take to send a whole request, headers and
   * body; a slower one gets 408. Event streams are not affected (they
   * are responses). Long enough for a large upload on a slow line.
   * @default 120000
   */
  requestTimeoutMs?: number;
  /** Longest time a client may take to send the headers. @default 10000 */
  headersTimeoutMs?: number;
}

/** A running server. */
export interface NodeServer {
  /** `http://host:port`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  host: string;
  port: number;
  server: Server;
  /** Ends open streams, then stops listening. */
  close(): Promise<void>;
}

/**
 * The request body as a web stream. Cancelling it (a body over the
 * cap) stops buffering but keeps draining the socket, so the client
 * still reads the 413 on a connection that stays usable.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Buffer) => {
    controller?.enqueue(new Uint8Array(chunk));
    if ((controller?.desiredSize ?? 1) <= 0) req.pause();
  };
  const finish = (error?: Error) => {
    const c = controller;
    controller = undefined;
    if (error) c?.error(error);
    else c?.close();
  };
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      req.on('data', onData);
      req.once('end', () => finish());
      req.once('error', (error) => finish(error));
      req.once('close', () => {
        if (!req.complete) finish(new Error('the client left mid-body'));
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.off('data', onData);
      controller = undefined;
      req.resume();
    },
  });
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody && { body: bodyOf(req), duplex: 'half' }),
  } as RequestInit);
}

async function write(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  // Answered before the body ended (a 413): the client may stop sending
  // mid-body, so this connection cannot carry another request.
  if (!req.complete && req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('connection', 'close');
  }
  if (!response.body) {
    res.end();
    return;
  }
  // Send the head now: an event stream must reach the client at once.
  res.flushHeaders();
  const reader = response.body.getReader();
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  closed.then(() => reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    if (!res.write(value)) {
      await Promise.race([
        new Promise((resolve) => res.once('drain', resolve)),
        closed,
      ]);
    }
  }
  res.end();
}

function fallback(res: ServerResponse, status: number, code: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = status === 400 ? 'malformed request' : 'internal error';
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Serves a Web-standard handler with `node:http`: requests and bodies
 * are streamed both ways, event streams are flushed as they are
 * written, and a client that leaves aborts `request.signal`. Binds
 * 127.0.0.1 unless told otherwise.
 *
 * @example
 * const server = await serveNode(createHttpHandler({ desk }), { port: 8080 });
 * // ... later
 * await server.close();
 */
export async function serveNode(
  handler: HttpHandler,
  options: ServeNodeOptions = {},
): Promise<NodeServer> {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  const open = new Set<AbortController>();
  const answering = new Set<Promise<void>>();
  let origin = `http://${hostFor(host)}`;

  const requestTimeout = options.requestTimeoutMs ?? 120_000;
  const headersTimeout = Math.min(
    options.headersTimeoutMs ?? 10_000,
    requestTimeout,
  );
  const timeouts = {
    requestTimeout,
    headersTimeout,
    connectionsCheckingInterval: Math.min(
      5000,
      Math.max(100, Math.floor(headersTimeout / 4)),
    ),
  };
  const server = createServer(timeouts, async (req, res) => {
    const controller = new AbortController();
    open.add(controller);
    res.once('close', () => {
      open.delete(controller);
      controller.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, origin, controller.signal);
    } catch {
      fallback(res, 400, 'MALFORMED_REQUEST');
      return;
    }
    const answer = Promise.resolve()
      .then(() => handler(request, { clientAddress: req.socket.remoteAddress }))
      .then((response) => write(req, res, response))
      .catch(() => {
        fallback(res, 500, 'INTERNAL_ERROR');
      });
    answering.add(answer);
    await answer;
    answering.delete(answer);
  });

  server.on('clientError', (error, socket) => answerClientError(error, socket));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://${hostFor(host)}:${port}`;

  return {
    url: origin,
    host,
    port,
    server,
    async close() {
      const closed = new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
      // Let streams end cleanly, then drop whatever is left.
      for (const controller of open) controller.abort();
      server.closeIdleConnections();
      await Promise.race([
        Promise.allSettled([...answering]),
        new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS)),
      ]);
      server.closeAllConnections();
      await closed;
    },
  };
}

const CLOSE_GRACE_MS = 1000;

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'HEADERS_TOO_LARGE',
    'the request headers are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'REQUEST_TIMEOUT',
    'the request was not sent in time (a body shorter than its Content-Length?)',
  ],
};

/**
 * A request Node's parser refused (a Content-Length that does not match
 * the body, a malformed header, a header too large): answered in the
 * API's error shape instead of Node's bare `400 Bad Request`.
 */
function answerClientError(
  error: Error & { code?: string },
  socket: import('node:stream').Duplex,
): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'MALFORMED_REQUEST',
    'the request could not be parsed (check Content-Length and headers)',
  ];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

const hostFor = (host: string) => (host.includes(':') ? `[${host}]` : host);
