import { html, nothing } from 'lit';
import { renderAlerts } from './alerts-view.js';
import { renderDashboardView } from './dashboard-host.js';
import { renderHelp } from './help-view.js';
import { renderQueue } from './queue-view.js';
import { renderSignIn } from './signin-view.js';
import type { TicketConsole } from './ticket-console.js';
import { renderTicket } from './ticket-view.js';

function header(host: TicketConsole) {
  const agent = host.agent;
  if (!agent) return nothing;
  const current = (on: boolean) => (on ? 'page' : 'false');
  return html`<header>
    <h1>Agents' console</h1>
    <nav aria-label="Console">
      <button
        type="button"
        aria-current=${current(['queue', 'ticket', 'alerts'].includes(host.view))}
        @click=${() => host.showQueue()}
      >
        Queues
      </button>
      <button
        type="button"
        aria-current=${current(host.view === 'dashboard')}
        @click=${() => host.showDashboard()}
      >
        Dashboard
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        @click=${() => {
          host.help = true;
        }}
      >
        Shortcuts
      </button>
    </nav>
    <span class="me">${agent.name} (${agent.role})</span>
    <button type="button" @click=${() => host.signOut()}>Sign out</button>
  </header>`;
}

function body(host: TicketConsole) {
  switch (host.view) {
    case 'sign-in':
      return renderSignIn(host);
    case 'queue':
      return renderQueue(host);
    case 'ticket':
      return renderTicket(host);
    case 'dashboard':
      return renderDashboardView(host);
    case 'alerts':
      return renderAlerts(host);
  }
}

/** The console's frame: header, the current view, errors and help. */
export function renderShell(host: TicketConsole) {
  return html`${header(host)}
    <main>
      ${
        host.error
          ? html`<p class="alert" role="alert">${host.error}</p>`
          : nothing
      }
      ${body(host)}
    </main>
    ${host.help ? renderHelp(host) : nothing}`;
}
