/**
 * A third Ticketry API for the abuse tests, under `/s2/api/v1`: the
 * real handler over its own memory desk, with the honeypot on (field
 * `website`) and a `verifyHuman` hook backed by a stand-in CAPTCHA
 * provider on this same loopback server: `POST /s2/control/captcha`
 * issues a token that passes once. `/s2/control/tickets?q=<text>` lists
 * the tickets whose subject holds the text. Loaded lazily, after
 * `loadBackend()` has registered the TypeScript loaders.
 */

const PREFIX = '/s2/api/v1';
const CONTROL = '/s2/control/';

let backend;

async function load() {
  const core = await import('@ticketry/core');
  const server = await import('@ticketry/adapters/http/server');
  const desk = core.createDesk({ store: core.createMemoryStore() });
  const issued = new Set();
  const handler = server.createHttpHandler({
    desk,
    basePath: PREFIX,
    honeypot: 'website',
    verifyHuman: (request) => {
      const token = request.headers.get(server.CAPTCHA_HEADER);
      if (!token) return { ok: false, reason: 'Solve the puzzle first.' };
      return issued.delete(token);
    },
  });
  let count = 0;
  const issue = () => {
    const token = `human-${++count}-${Math.random().toString(36).slice(2)}`;
    issued.add(token);
    return token;
  };
  return { desk, handler, issue };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Koa middleware serving the abuse-test API and its control routes. */
export function createGuardMiddleware() {
  return async function guardMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/s2/')) return next();
    backend ??= load();
    const { desk, handler, issue } = await backend;
    if (ctx.path === `${CONTROL}captcha`) {
      ctx.body = { token: issue() };
      return;
    }
    if (ctx.path === `${CONTROL}tickets`) {
      const q = String(ctx.query.q ?? '');
      const page = await desk.list({ limit: 100 });
      ctx.body = page.items
        .filter((t) => t.subject.includes(q))
        .map((t) => ({ id: t.id, subject: t.subject }));
      return;
    }
    if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const response = await handler(
      new Request(new URL(ctx.url, `http://${ctx.host}`), {
        method: ctx.method,
        headers,
        body: hasBody ? await readBody(ctx.req) : undefined,
      }),
    );
    ctx.status = response.status;
    ctx.respond = false;
    ctx.res.writeHead(response.status, Object.fromEntries(response.headers));
    ctx.res.end(Buffer.from(await response.arrayBuffer()));
  };
}
