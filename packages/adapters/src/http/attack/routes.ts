import type { Route } from '../server/route.js';
import { ROUTES } from '../server/routes.js';
import type { Site } from './world.js';

/** One request to one route of a site, ready to send. */
export interface Target {
  route: Route;
  method: string;
  /** Below the site's API root, e.g. `/tickets/01…/messages`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The ids a route's path parameters take. */
export interface Ids {
  ticket: string;
  attachment: string;
  requester: string;
  agent: string;
}

/** Does the route act on one ticket (its path holds the ticket id)? */
export const onTicket = (route: Route) => route.path.startsWith('/tickets/:id');

const JSON_TYPE = { 'content-type': 'application/json' };

/** A body each route would accept, so only the attack can cause a refusal. */
function bodyOf(route: Route): Pick<Target, 'headers' | 'body'> {
  const json = (value: unknown, extra: Record<string, string> = {}) => ({
    headers: { ...JSON_TYPE, ...extra },
    body: JSON.stringify(value),
  });
  switch (route.operationId) {
    case 'submitTicket':
      return json({
        subject: 'Attack suite',
        description: 'A valid submission',
        requester: { email: 'probe@example.com' },
      });
    case 'runCommand':
      return json({ type: 'cancel', reason: 'spam' }, { 'if-match': '"1"' });
    case 'postMessage':
      return json({ body: 'A reply the attacker should not land' });
    case 'createAgent':
      return json({ name: 'Eve', role: 'supervisor' });
    case 'createTeam':
      return json({ name: 'Eve team' });
    case 'signIn':
      return json({ email: 'eve@example.com', password: 'not the password' });
    case 'setAgentPassword':
      return json({ password: 'eve-owns-this-account-now' });
    case 'uploadAttachment':
      return {
        headers: {
          'content-type': 'text/plain',
          'idempotency-key': 'attack-upload-1',
        },
        body: 'attack bytes',
      };
    default:
      return { headers: {} };
  }
}

/** The path of a route with its parameters filled in. */
export function pathOf(route: Route, ids: Ids): string {
  const id = route.path.startsWith('/requesters')
    ? ids.requester
    : route.path.startsWith('/agents')
      ? ids.agent
      : ids.ticket;
  return route.path
    .replace(':attachmentId', encodeURIComponent(ids.attachment))
    .replace(':id', encodeURIComponent(id));
}

/** Every route of the handler, aimed at `ids`. */
export function targetsFor(
  ids: Ids,
  routes: readonly Route[] = ROUTES,
): Target[] {
  return routes.map((route) => ({
    route,
    method: route.method,
    path: pathOf(route, ids),
    ...bodyOf(route),
  }));
}

/** The victim's ids on a site. */
export const victimIds = (site: Site): Ids => ({
  ticket: site.victim.id,
  attachment:
    site.victim.attachmentId || 'att_00000000000000000000000000000000',
  requester: site.victim.requesterId,
  agent: site.canaries.assignee,
});

/** What came back from one request. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends a target to a site's API root and reads the whole answer. An
 * event stream is read for a moment, then dropped.
 */
export async function send(
  api: string,
  target: Pick<Target, 'method' | 'path' | 'headers' | 'body'>,
): Promise<Answer> {
  const controller = new AbortController();
  const response = await fetch(`${api}${target.path}`, {
    method: target.method,
    headers: target.headers,
    ...(target.body !== undefined && { body: target.body as BodyInit }),
    signal: controller.signal,
  });
  const text = response.headers
    .get('content-type')
    ?.startsWith('text/event-stream')
    ? await firstEvents(response, controller)
    : await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** What an event stream sends within 300 ms, or up to its first ticket. */
async function firstEvents(
  response: Response,
  controller: AbortController,
): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const timer = setTimeout(() => controller.abort(), 300);
  let text = '';
  try {
    while (!text.includes('event: ticket')) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Aborted after the wait: keep what arrived.
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return text;
}
