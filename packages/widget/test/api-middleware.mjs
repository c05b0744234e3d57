/**
 * Koa middleware for web-test-runner: forwards `/api/v1/*` to a fetch-style
 * handler (`(Request) => Promise<Response>`), streaming the answer so
 * server-sent events flow, and serves a small control API under
 * `/__ticketry__/` that browser tests use to play the agent, count the
 * requests that reached the server, and inject faults.
 */

const API = '/api/v1/';
const CONTROL = '/__ticketry__/';

/**
 * @param {{ handler: (r: Request) => Promise<Response>,
 *   act: (id: string, command: object) => Promise<unknown>,
 *   identify: (o: object) => Promise<string> }} backend
 */
export function createApiMiddleware(backend) {
  /** Ticket id -> aborters of its open event streams. */
  const streams = new Map();
  /** Every request that reached `/api/v1`, oldest first (bounded). */
  const log = [];
  const faults = {
    /** Markers: a submission containing one is cut off unanswered. */
    drop: new Set(),
    /** Markers: the server handles the submission, the answer is lost. */
    lose: new Set(),
    /** Ticket ids whose stream answers 503, to exercise polling. */
    blockStream: new Set(),
    /**
     * Marker -> field path: a submission containing the marker reaches
     * the real handler with that field blanked, so it answers a real 422.
     */
    blank: new Map(),
    /**
     * Marker -> resolvers of the submissions containing it that wait,
     * unanswered, until the marker is switched off (a slow server).
     */
    hold: new Map(),
  };

  async function control(ctx, route) {
    const body =
      ctx.method === 'POST'
        ? JSON.parse((await readBody(ctx.req)).toString() || '{}')
        : {};
    if (route === 'requests') return log;
    if (route === 'act') {
      await backend.act(body.id, body.command);
      return { ok: true };
    }
    if (route === 'identity') return { token: await backend.identify(body) };
    if (route === 'drop-streams') {
      // The server ends the ticket's open streams, as a restart would.
      const open = [...(streams.get(body.id) ?? [])];
      for (const aborter of open) aborter.abort();
      return { dropped: open.length };
    }
    if (route === 'faults') {
      const on = body.on !== false;
      toggle(faults.drop, body.dropSubmitsContaining, on);
      toggle(faults.lose, body.loseAnswersContaining, on);
      toggle(faults.blockStream, body.blockStreamOf, on);
      if (typeof body.holdSubmitsContaining === 'string') {
        const held = body.holdSubmitsContaining;
        if (on) faults.hold.set(held, faults.hold.get(held) ?? []);
        else for (const release of faults.hold.get(held) ?? []) release();
        if (!on) faults.hold.delete(held);
      }
      if (body.blankField) {
        const { marker, path } = body.blankField;
        if (on) faults.blank.set(marker, path);
        else faults.blank.delete(marker);
      }
      return { ok: true };
    }
    throw new Error(`no control route ${route}`);
  }

  return async function apiMiddleware(ctx, next) {
    if (ctx.path.startsWith(CONTROL)) {
      try {
        ctx.body = await control(ctx, ctx.path.slice(CONTROL.length));
      } catch (error) {
        ctx.status = 500;
        ctx.body = { error: String(error?.stack ?? error) };
      }
      return;
    }
    if (!ctx.path.startsWith(API)) return next();

    let body = ['GET', 'HEAD'].includes(ctx.method)
      ? undefined
      : await readBody(ctx.req);
    const text = body?.toString() ?? '';
    const entry = {
      method: ctx.method,
      path: ctx.path,
      idempotencyKey: ctx.get('idempotency-key') || null,
      body: text,
      status: null,
    };
    log.push(entry);
    if (log.length > 2000) log.shift();

    const has = (markers) => [...markers].some((m) => text.includes(m));
    const submitting = ctx.method === 'POST' && ctx.path === `${API}tickets`;
    if (submitting && has(faults.drop)) return hangUp(ctx);
    const held = [...faults.hold.keys()].find((m) => text.includes(m));
    if (submitting && held) {
      await new Promise((release) => faults.hold.get(held)?.push(release));
    }
    if (submitting) {
      for (const [marker, path] of faults.blank) {
        if (text.includes(marker)) body = Buffer.from(blank(text, path));
      }
    }
    const streamOf = /\/tickets\/([^/]+)\/stream$/.exec(ctx.path)?.[1];
    if (streamOf && faults.blockStream.has(decodeURIComponent(streamOf))) {
      entry.status = ctx.status = 503;
      ctx.body = { error: { code: 'STORAGE_FAILED', message: 'blocked' } };
      return;
    }

    const aborter = new AbortController();
    ctx.res.on('close', () => aborter.abort());
    if (streamOf) track(streams, decodeURIComponent(streamOf), aborter);
    const request = new Request(new URL(ctx.url, `http://${ctx.host}`), {
      method: ctx.method,
      headers: toHeaders(ctx.req.headers),
      body,
      signal: aborter.signal,
    });
    const response = await backend.handler(request);
    entry.status = response.status;
    if (submitting && has(faults.lose)) return hangUp(ctx);
    await send(ctx, response, aborter.signal);
  };
}

/** Closes the connection without an answer, as a network failure. */
function hangUp(ctx) {
  ctx.req.socket.destroy();
  // Never sent; keeps the runner from listing the request as a 404.
  ctx.status = 500;
  ctx.respond = false;
}

function blank(text, path) {
  const json = JSON.parse(text);
  let at = json;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)] = '';
  return JSON.stringify(json);
}

/** Remembers a stream's aborter until the stream ends. */
function track(streams, id, aborter) {
  const open = streams.get(id) ?? new Set();
  open.add(aborter);
  streams.set(id, open);
  aborter.signal.addEventListener('abort', () => {
    open.delete(aborter);
    if (open.size === 0) streams.delete(id);
  });
}

function toggle(set, value, on) {
  if (typeof value !== 'string') return;
  if (on) set.add(value);
  else set.delete(value);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function toHeaders(raw) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Writes a fetch Response to Node's response, chunk by chunk. */
async function send(ctx, response, signal) {
  ctx.status = response.status;
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // The browser went away mid-stream; nothing left to write to.
  } finally {
    res.end();
  }
}
