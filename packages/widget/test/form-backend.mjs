/**
 * A second Ticketry API for the form tests (custom fields, attachments,
 * prefill, offline queue), under `/w3/api/v1`:
 * the real handler over its own memory desk, configured with a form
 * (required and optional custom fields of every kind) and attachments
 * in a memory store. `/w3/control/tickets?q=<text>` lists the tickets
 * whose subject holds the text, so a test can count what was made.
 * Loaded lazily: `loadBackend()` registers the TypeScript loaders first.
 */

const PREFIX = '/w3/api/v1';
const CONTROL = '/w3/control/';

let backend;

async function load() {
  const { TEST_FORM } = await import('./form-fixture.ts');
  const core = await import('@ticketry/core');
  const server = await import('@ticketry/adapters/http/server');
  const desk = core.createDesk({ store: core.createMemoryStore() });
  const handler = server.createHttpHandler({
    desk,
    basePath: PREFIX,
    form: TEST_FORM,
    attachmentStore: server.createMemoryAttachmentStore(),
  });
  return { desk, handler };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Koa middleware serving the form API and its control route. */
export function createFormMiddleware() {
  return async function formMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/w3/')) return next();
    backend ??= load();
    const { desk, handler } = await backend;
    if (ctx.path === `${CONTROL}tickets`) {
      const q = String(ctx.query.q ?? '');
      const page = await desk.list({ limit: 100 });
      ctx.body = page.items
        .filter((t) => t.subject.includes(q))
        .map((t) => ({ id: t.id, subject: t.subject, fields: t.fields }));
      return;
    }
    if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
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
