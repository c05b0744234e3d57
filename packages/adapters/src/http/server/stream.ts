import {
  type Desk,
  type PublicTicket,
  publicTicketSchema,
  TicketryError,
} from '@ticketry/core';
import {
  bearerOf,
  type Caller,
  callerFor,
  requireTicketAccess,
} from './auth.js';
import { IDENTITY_PREFIX } from './identity.js';
import { notFound } from './respond.js';
import type { Route, RouteContext } from './route.js';

/**
 * The caller of a stream. `EventSource` cannot send headers, so a
 * requester or identity token may come as `?access_token=`; agent keys
 * only in the Authorization header, to keep them out of URLs and logs.
 */
export async function streamCaller(ctx: RouteContext): Promise<Caller> {
  const fromHeader = bearerOf(ctx.request);
  const fromQuery = ctx.url.searchParams.get('access_token');
  const tokenKinds = ['tkr_', IDENTITY_PREFIX];
  if (fromQuery !== null && !tokenKinds.some((p) => fromQuery.startsWith(p))) {
    throw new TicketryError(
      'UNAUTHENTICATED',
      'access_token takes only a requester (tkr_…) or identity (tki_…) token; send any other credential in the Authorization header, never in the URL',
    );
  }
  const secret = fromHeader ?? fromQuery;
  if (!secret) {
    throw new TicketryError(
      'UNAUTHENTICATED',
      'send ?access_token=<token> or an Authorization header',
    );
  }
  return callerFor(ctx.desk, secret, ctx.identity);
}

interface Feed {
  desk: Desk;
  ticketId: string;
  signal: AbortSignal;
  heartbeatMs: number;
  /** Whether the caller's credential still opens the ticket. */
  allowed: () => Promise<boolean>;
}

/**
 * Server-sent events for one ticket: `event: ticket` with the public
 * view now and after every change, a comment line as heartbeat. The
 * desk listener and the timer go when the client leaves.
 */
function ticketFeed({ desk, ticketId, signal, heartbeatMs, allowed }: Feed) {
  const encoder = new TextEncoder();
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let sent = 0;
      let stopped = false;
      const send = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // Views are read asynchronously and may arrive out of order.
      const sendTicket = (ticket: PublicTicket) => {
        if (ticket.version <= sent) return;
        sent = ticket.version;
        const data = JSON.stringify(ticket);
        send(`id: ${ticket.version}\nevent: ticket\ndata: ${data}\n\n`);
      };
      const refresh = () =>
        allowed().then(
          (ok) =>
            ok ? desk.publicView(ticketId).then(sendTicket, () => {}) : stop(),
          () => stop(),
        );

      const unsubscribe = desk.subscribe((_event, ticket) => {
        if (ticket.id === ticketId) void refresh();
      });
      // A credential that expires or is revoked ends the stream at the
      // next heartbeat or change; the client's reconnect gets the 401.
      const timer = setInterval(() => {
        void allowed().then(
          (ok) => (ok ? send(': heartbeat\n\n') : stop()),
          () => stop(),
        );
      }, heartbeatMs);
      stop = () => {
        if (stopped) return;
        stopped = true;
        unsubscribe();
        clearInterval(timer);
        signal.removeEventListener('abort', stop);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the reader.
        }
      };
      signal.addEventListener('abort', stop);
      if (signal.aborted) return stop();

      send('retry: 3000\n\n');
      void refresh();
    },
    cancel() {
      stop();
    },
  });
}

async function streamTicket(ctx: RouteContext): Promise<Response> {
  const id = ctx.params.id!;
  const caller = await streamCaller(ctx);
  await requireTicketAccess(ctx.desk, caller, id);
  if (!(await ctx.desk.get(id))) throw notFound(id);

  const body = ticketFeed({
    desk: ctx.desk,
    ticketId: id,
    signal: ctx.request.signal,
    heartbeatMs: ctx.heartbeatMs,
    allowed: () =>
      streamCaller(ctx)
        .then((again) => requireTicketAccess(ctx.desk, again, id))
        .then(
          () => true,
          () => false,
        ),
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

/** `GET /tickets/:id/stream`. */
export const streamRoute: Route = {
  method: 'GET',
  path: '/tickets/:id/stream',
  operationId: 'streamTicket',
  summary:
    'Server-sent events: `event: ticket` with the public ticket on connect and after every change.',
  access: 'ticket',
  queryToken: true,
  responses: {
    200: {
      description:
        'A text/event-stream; each `ticket` event carries a PublicTicket as JSON',
      mediaType: 'text/event-stream',
      schema: publicTicketSchema,
    },
  },
  handle: streamTicket,
};
