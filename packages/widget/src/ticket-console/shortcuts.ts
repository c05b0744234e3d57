import { startCommand } from './commands-view.js';
import type { TicketConsole } from './ticket-console.js';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether the key was pressed while the agent types in a field. */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0] as HTMLElement | undefined;
  if (!target) return false;
  return TYPING.has(target.tagName) || target.isContentEditable;
}

function move(host: TicketConsole, by: number) {
  const count = host.shown.length;
  if (!count) return;
  host.cursor = Math.max(0, Math.min(count - 1, host.cursor + by));
  const ticket = host.shown[host.cursor]!;
  host.announce(`${ticket.ref}: ${ticket.subject}`);
  void host.updateComplete.then(() =>
    host.renderRoot
      .querySelector('tr[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest' }),
  );
}

function inQueue(host: TicketConsole, key: string): boolean {
  const ticket = host.shown[host.cursor];
  if (key === 'j') move(host, 1);
  else if (key === 'k') move(host, -1);
  else if (key === 'Enter' && ticket) void host.openTicket(ticket.id);
  else if (key === 'x' && ticket) {
    const next = new Set(host.selected);
    if (!next.delete(ticket.id)) next.add(ticket.id);
    host.selected = next;
  } else return false;
  return true;
}

function inTicket(host: TicketConsole, key: string): boolean {
  const allowed = host.open?.commands.map((c) => c.type) ?? [];
  const wanted = { r: 'reply', n: 'note', a: 'assign' }[key];
  if (wanted && allowed.includes(wanted)) startCommand(host, wanted);
  else if (key === 'g') void host.showQueue();
  else return false;
  return true;
}

/**
 * The console's keyboard shortcuts (see `SHORTCUTS`): never while the
 * agent types in a field, never with Ctrl, Alt or Meta held.
 */
export function handleShortcut(host: TicketConsole, event: KeyboardEvent) {
  // Escape leaves an open form even from inside it, unsent.
  if (event.key === 'Escape' && (host.form || host.composer)) {
    host.form = null;
    host.composer = null;
    void host.updateComplete.then(() =>
      host.renderRoot.querySelector<HTMLElement>('h2')?.focus(),
    );
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.altKey || event.metaKey || typing(event)) return;
  if (!host.agent || host.help) return;
  const key = event.key;
  // Enter on a button or link keeps its own meaning.
  const target = event.composedPath()[0] as HTMLElement | undefined;
  if (key === 'Enter' && target && target !== host && target.tagName !== 'TR') {
    if (target.matches('button, a, summary')) return;
  }
  let handled = false;
  if (key === '?') {
    host.help = true;
    handled = true;
  } else if (host.view === 'queue') handled = inQueue(host, key);
  else if (host.view === 'ticket') handled = inTicket(host, key);
  if (handled) event.preventDefault();
}
