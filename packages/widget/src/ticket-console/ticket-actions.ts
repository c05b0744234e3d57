/**
 * What an agent does to the open ticket: lifecycle commands, replies
 * and internal notes. Each reloads the ticket and fires
 * `ticket-console-command` once the server accepted it.
 */
import type { TicketConsole } from './ticket-console.js';

/** A console event: it bubbles and crosses shadow roots. */
export const consoleEvent = (type: string, detail: object) =>
  new CustomEvent(type, { detail, bubbles: true, composed: true });

/** An aborted fetch: a newer list replaced it. */
export const isAbort = (error: unknown) =>
  error instanceof DOMException && error.name === 'AbortError';

/** Sends a lifecycle command on the open ticket; true once accepted. */
export async function sendCommand(
  host: TicketConsole,
  command: Record<string, unknown>,
): Promise<boolean> {
  const open = host.open;
  if (!open) return false;
  const { id, version } = open.ticket;
  const done = await host.run(() => host.api.send(id, version, command));
  if (!done) return false;
  host.form = null;
  host.fire('ticket-console-command', { ticketId: id, type: command.type });
  await host.reload(`${String(command.type)} done: ${done.status}`);
  return true;
}

/** Posts a reply or an internal note on the open ticket; true once accepted. */
export async function sendMessage(
  host: TicketConsole,
  body: string,
  internal: boolean,
): Promise<boolean> {
  const open = host.open;
  if (!open) return false;
  const sent = await host.run(() =>
    host.api.message(open.ticket.id, body, internal),
  );
  if (!sent) return false;
  host.composer = null;
  const type = internal ? 'note' : 'reply';
  host.fire('ticket-console-command', { ticketId: open.ticket.id, type });
  await host.reload(internal ? 'Note added' : 'Reply sent');
  return true;
}
