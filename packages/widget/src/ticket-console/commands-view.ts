import { html, nothing } from 'lit';
import {
  COMMAND_FIELDS,
  type CommandField,
  commandFrom,
  commandLabel,
  hasForm,
  MESSAGE_COMMANDS,
} from './command-forms.js';
import type { OpenTicket, TicketConsole } from './ticket-console.js';

function valuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) out[name] = String(value);
  return out;
}

/** Opens a command: bare ones are sent at once, others show their form. */
export function startCommand(host: TicketConsole, type: string): void {
  if (MESSAGE_COMMANDS.has(type)) {
    host.composer = type as 'reply' | 'note';
    host.form = null;
  } else if (type in COMMAND_FIELDS) {
    host.form = type;
    host.composer = null;
  } else {
    void host.command({ type });
  }
  void host.updateComplete.then(() => {
    host.renderRoot.querySelector<HTMLElement>('.panel [name]')?.focus();
  });
}

function initialOf(host: TicketConsole, open: OpenTicket, field: CommandField) {
  if (field.initial === 'me') return host.agent?.id ?? '';
  if (field.initial === 'team')
    return open.ticket.teamId ?? host.agent?.teamIds[0] ?? '';
  return field.initial ?? '';
}

function control(
  host: TicketConsole,
  open: OpenTicket,
  field: CommandField,
  reasons?: string[],
) {
  const id = `cmd-${field.name}`;
  const value = initialOf(host, open, field);
  const options = field.options ?? reasons ?? [];
  const input =
    field.kind === 'select'
      ? html`<select id=${id} name=${field.name} ?required=${field.required}>
          ${options.map((o) => html`<option value=${o}>${o || 'unchanged'}</option>`)}
        </select>`
      : field.kind === 'textarea'
        ? html`<textarea id=${id} name=${field.name} rows="3" ?required=${field.required}></textarea>`
        : html`<input id=${id} name=${field.name} .value=${value} ?required=${field.required} />`;
  return html`<div class="field"><label for=${id}>${field.label}</label>${input}</div>`;
}

function commandForm(host: TicketConsole, open: OpenTicket) {
  const type = host.form;
  if (!type) return nothing;
  const allowed = open.commands.find((c) => c.type === type);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void host.command(commandFrom(type, valuesOf(e.target as HTMLFormElement)));
  };
  return html`<form class="panel" aria-label=${commandLabel(type)} @submit=${submit}>
    ${(COMMAND_FIELDS[type] ?? []).map((f) => control(host, open, f, allowed?.reasons))}
    <div class="row">
      <button class="primary" type="submit" ?disabled=${host.busy}>${commandLabel(type)}</button>
      <button type="button" @click=${() => (host.form = null)}>Cancel</button>
    </div>
  </form>`;
}

function composer(host: TicketConsole) {
  const kind = host.composer;
  if (!kind) return nothing;
  const label =
    kind === 'note' ? 'Internal note (agents only)' : 'Reply to the requester';
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const body = valuesOf(e.target as HTMLFormElement).body?.trim();
    if (body) void host.message(body, kind === 'note');
  };
  return html`<form class="panel" aria-label=${label} @submit=${submit}>
    <div class="field">
      <label for="composer">${label}</label>
      <textarea id="composer" name="body" rows="4" required></textarea>
    </div>
    <div class="row">
      <button class="primary" type="submit" ?disabled=${host.busy}>
        ${kind === 'note' ? 'Add note' : 'Send reply'}
      </button>
      <button type="button" @click=${() => (host.composer = null)}>Cancel</button>
    </div>
  </form>`;
}

function macros(host: TicketConsole, open: OpenTicket) {
  if (!host.macros?.length) return nothing;
  const apply = async (macroId: string) => {
    await host.run(() => host.api.applyMacro(open.ticket.id, macroId));
    await host.reload('Macro applied');
  };
  return html`<div class="row" role="group" aria-label="Macros">
    ${host.macros.map(
      (m) =>
        html`<button type="button" @click=${() => apply(m.id)}>Macro: ${m.name}</button>`,
    )}
  </div>`;
}

/**
 * The command bar: one button per command the server says the agent's
 * role may send in the ticket's state, then the open form or composer.
 */
export function renderCommands(host: TicketConsole, open: OpenTicket) {
  const usable = open.commands.filter(
    (c) => MESSAGE_COMMANDS.has(c.type) || hasForm(c.type),
  );
  return html`<section aria-labelledby="commands-heading">
    <h3 id="commands-heading">Commands</h3>
    <div class="commands" role="group" aria-label="Allowed commands">
      ${usable.map(
        (c) => html`<button
          type="button"
          data-command=${c.type}
          aria-expanded=${c.type in COMMAND_FIELDS || MESSAGE_COMMANDS.has(c.type) ? String(host.form === c.type || host.composer === c.type) : nothing}
          ?disabled=${host.busy}
          @click=${() => startCommand(host, c.type)}
        >
          ${commandLabel(c.type)}
        </button>`,
      )}
    </div>
    ${macros(host, open)} ${commandForm(host, open)} ${composer(host)}
  </section>`;
}
