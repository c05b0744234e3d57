import type { DeskCore } from '../desk/desk-types.js';
import { createId } from '../ids.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';

/** One delivery a rule asks for; `id` stays the same across retries. */
export interface WebhookRequest {
  id: string;
  url: string;
  /** The event type that led to it, or `schedule.<id>` / `macro.<id>`. */
  event: string;
  /** The JSON body. */
  payload: Record<string, unknown>;
}

/** One try of a delivery. */
export interface WebhookAttempt {
  at: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  error: string | null;
}

/** How a delivery ended, after its retries. */
export interface WebhookResult {
  ok: boolean;
  status: number | null;
  /** Why it failed, or null. */
  error: string | null;
  /** True when the address guard refused it before any connection. */
  refused?: boolean;
  attempts: WebhookAttempt[];
}

/**
 * Sends webhooks for the automation. `@ticketry/adapters/webhooks`
 * has one that signs, retries and guards addresses.
 */
export interface WebhookDispatcher {
  send(request: WebhookRequest): Promise<WebhookResult>;
  /** Throws when a URL will be refused; `save` calls it for each webhook. */
  check?(url: string): Promise<void>;
}

/** The webhook URLs a list of rules posts to. */
export function webhookUrls(items: readonly unknown[]): string[] {
  const urls = new Set<string>();
  for (const rule of items as {
    actions?: { type: string; url?: string }[];
  }[]) {
    for (const a of rule.actions ?? []) {
      if (a.type === 'webhook' && a.url) urls.add(a.url);
    }
  }
  return [...urls];
}

/** A delivery as the log keeps it. */
export interface DeliveryLogEntry extends WebhookResult {
  id: string;
  ruleId: string;
  ticketId: string;
  url: string;
  event: string;
}

/** The record kind of the delivery log. */
export const DELIVERY_KIND = 'automation.delivery';

/** The ticket as a webhook shows it: no SLA internals, no hash. */
function ticketBody(t: Ticket) {
  const { sla: _sla, auditHash: _hash, ...rest } = t;
  return rest;
}

/** The JSON body of a delivery. */
export function webhookPayload(
  ruleId: string,
  ticket: Ticket,
  event: AuditEvent | undefined,
  at: string,
): Record<string, unknown> {
  return {
    id: createId(),
    at,
    ruleId,
    ticket: ticketBody(ticket),
    event: event
      ? {
          id: event.id,
          type: event.type,
          at: event.at,
          actor: event.actor,
          changes: event.changes,
        }
      : null,
  };
}

/** A key that sorts newest first: the time left until year 2286. */
const newestFirst = (at: string, id: string) =>
  `${String(9_999_999_999_999 - Date.parse(at)).padStart(13, '0')}_${id}`;

/** Writes one delivery to the log, keyed so it lists newest first. */
export async function logDelivery(
  store: TicketStore,
  siteId: string,
  entry: DeliveryLogEntry,
  at: string,
): Promise<void> {
  await store.putRecord({
    siteId,
    kind: DELIVERY_KIND,
    key: newestFirst(at, entry.id),
    value: JSON.parse(JSON.stringify(entry)),
    expectedVersion: 0,
    at,
  });
}

/** The latest deliveries, newest first. */
export async function listDeliveries(
  store: TicketStore,
  siteId: string,
  limit = 50,
): Promise<DeliveryLogEntry[]> {
  const page = await store.listRecords(siteId, DELIVERY_KIND, { limit });
  return page.map((r) => r.value as DeliveryLogEntry);
}

/**
 * Webhook deliveries in the background: each is sent through the
 * dispatcher, then written to the delivery log; `idle` waits for all.
 */
export function createDeliveries(
  core: DeskCore,
  dispatcher: WebhookDispatcher,
  onError: (error: unknown) => void,
) {
  const inFlight = new Set<Promise<void>>();

  function start(ruleId: string, event: AuditEvent | undefined) {
    return (url: string, ticket: Ticket) => {
      const at = core.clock.now().toISOString();
      const request: WebhookRequest = {
        id: createId(),
        url,
        event: event?.type ?? `rule.${ruleId}`,
        payload: webhookPayload(ruleId, ticket, event, at),
      };
      const entry = { ruleId, ticketId: ticket.id, url, event: request.event };
      const sending = dispatcher
        .send(request)
        .then((result) =>
          logDelivery(
            core.store,
            core.siteId,
            { ...result, ...entry, id: request.id },
            core.clock.now().toISOString(),
          ),
        )
        .catch(onError)
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    };
  }

  return {
    /** The `webhook` hook of a rule run: starts one delivery per call. */
    starter: start,
    pending: () => inFlight.size > 0,
    idle: () => Promise.all([...inFlight]).then(() => {}),
  };
}
