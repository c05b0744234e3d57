import type { Desk } from '@ticketry/core';
import { z } from 'zod';
import { requireAgent } from './auth.js';
import type { Route, RouteContext } from './route.js';

/** One `change` event of `GET /changes/stream`. */
export const changeSchema = z.object({
  ticketId: z.string(),
  version: z.number(),
  type: z.string().describe('The audit event type, e.g. ticket.assigned'),
  status: z.string(),
});

/**
 * Every change on the desk as `event: change`, for agents' queues: the
 * ticket's id, version, status and the event type, nothing more (read
 * the ticket for the rest). A heartbeat comment re-checks the
 * credential; one that stops working ends the stream.
 */
function changeFeed(ctx: RouteContext, desk: Desk) {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const send = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = desk.subscribe((event, ticket) => {
        const change = {
          ticketId: ticket.id,
          version: ticket.version,
          type: event.type,
          status: ticket.status,
        };
        send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const timer = setInterval(() => {
        requireAgent(desk, ctx.request).then(
          () => send(': heartbeat\n\n'),
          () => stop(),
        );
      }, ctx.heartbeatMs);
      stop = () => {
        if (stopped) return;
        stopped = true;
        unsubscribe();
        clearInterval(timer);
        ctx.request.signal.removeEventListener('abort', stop);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the reader.
        }
      };
      ctx.request.signal.addEventListener('abort', stop);
      if (ctx.request.signal.aborted) return stop();
      send('retry: 3000\n\n');
    },
    cancel() {
      stop();
    },
  });
}

async function streamChanges(ctx: RouteContext): Promise<Response> {
  await requireAgent(ctx.desk, ctx.request);
  return new Response(changeFeed(ctx, ctx.desk), {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

/** `GET /changes/stream`: the desk's change feed for agents' queues. */
export const changeStreamRoute: Route = {
  method: 'GET',
  path: '/changes/stream',
  operationId: 'streamChanges',
  summary:
    'Server-sent events for agents: `event: change` with { ticketId, version, type, status } after every change on the desk, in this process. Send the agent key or session as a header.',
  access: 'agent',
  responses: {
    200: {
      description: 'A text/event-stream of `change` events',
      mediaType: 'text/event-stream',
      schema: changeSchema,
    },
  },
  handle: streamChanges,
};
