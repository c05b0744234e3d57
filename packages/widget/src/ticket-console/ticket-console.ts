import { html, type PropertyValues } from 'lit';
import { alertCount, loadAlerts } from './alerts-view.js';
import {
  type ConsoleApi,
  ConsoleError,
  createConsoleApi,
} from './console-api.js';
import { ConsoleState } from './console-state.js';
import { consoleStyles } from './console-styles.js';
import type { ConsoleView, Ticket } from './console-types.js';
import { dashboardReport } from './dashboard-host.js';
import { loadInsight } from './insight.js';
import { watchQueue, watchTicket } from './live.js';
import * as lists from './queue-load.js';
import { ticketCount } from './queues.js';
import { renderShell } from './shell-view.js';
import { handleShortcut } from './shortcuts.js';
import * as actions from './ticket-actions.js';
import { loadTicket } from './ticket-load.js';
import { viewStyles } from './view-styles.js';

export type { OpenTicket } from './console-state.js';

/** How long typing in the search box rests before the queue is searched. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The agents' console: sign in with a console password, work the
 * queues, open a ticket to read its conversation, audit timeline and
 * SLA clocks, send the commands the lifecycle allows the agent's role,
 * and look at the dashboard.
 *
 * @summary The agents' console for a Ticketry desk.
 *
 * @fires ticket-console-signed-in - An agent signed in. Detail: `{ agent }`.
 * @fires ticket-console-signed-out - The session ended.
 * @fires ticket-console-command - A command was accepted. Detail:
 *   `{ ticketId, type }`.
 * @fires ticket-error - A call failed; the console shows it too.
 *   Detail: `{ code, message }`.
 *
 * @csspart base - The wrapper of every view.
 */
export class TicketConsole extends ConsoleState {
  static override styles = [consoleStyles, viewStyles];
  api: ConsoleApi;
  #unwatch: (() => void) | null = null;
  #focusHeading = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #keys = (event: KeyboardEvent) => handleShortcut(this, event);

  constructor() {
    super();
    this.api = createConsoleApi(this.endpoint);
  }

  /** The tickets of the queue; the server applied the search text (`q`). */
  get shown(): Ticket[] {
    return this.tickets;
  }

  /** Searches the queue for `filters.text` once typing rests. */
  searchSoon(): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(
      () => void this.showQueue(),
      SEARCH_DEBOUNCE_MS,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#keys);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#keys);
    this.#unwatch?.();
    clearTimeout(this.#searchTimer);
    lists.abortListing(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('endpoint')) {
      const token = this.api.token;
      this.api = createConsoleApi(this.endpoint);
      this.api.token = token;
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    return html`<div class="root" part="base">
      ${renderShell(this)}
      <div role="status" aria-live="polite" class="visually-hidden">
        ${this.announcement}
      </div>
    </div>`;
  }

  /** Says `text` to screen readers through the live region. */
  announce(text: string): void {
    this.announcement = text;
  }

  /** Runs a call with the busy flag set; shows and fires its failure. */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = '';
    try {
      return await work();
    } catch (error) {
      if (actions.isAbort(error)) return undefined; // a newer list replaced it
      const e = error instanceof ConsoleError ? error : null;
      this.error = e?.message ?? String(error);
      this.announce(this.error);
      this.fire('ticket-error', {
        code: e?.code ?? 'NETWORK_ERROR',
        message: this.error,
      });
      if (e?.status === 401 && this.agent) this.#signedOut();
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const session = await this.run(() => this.api.signIn(email, password));
    if (!session) return;
    this.api.token = session.token;
    this.agent = session.agent;
    this.fire('ticket-console-signed-in', { agent: session.agent });
    this.macros = await this.api.macros();
    await this.showQueue(await lists.landingFor(this));
  }

  async signOut(): Promise<void> {
    await this.api.signOut();
    this.#signedOut();
  }

  #signedOut(): void {
    this.#unwatch?.();
    this.agent = null;
    this.open = null;
    this.api.token = null;
    this.#go('sign-in');
    this.fire('ticket-console-signed-out', {});
  }

  /** Shows `queue` (or reloads the current one with new filters). */
  async showQueue(queue = this.queue): Promise<void> {
    if (!this.agent) return;
    this.#unwatch?.();
    this.queue = queue;
    const page = await this.run(() => lists.listQueue(this));
    if (!page) return;
    this.tickets = page;
    this.cursor = Math.min(this.cursor, Math.max(0, this.shown.length - 1));
    this.selected = new Set();
    if (this.view !== 'queue') this.#go('queue');
    this.announce(ticketCount(this.shown.length));
    this.#unwatch = watchQueue(this.api, () => void lists.refreshQueue(this));
  }

  /** Opens a ticket's detail view and follows it live. */
  async openTicket(id: string): Promise<void> {
    const loaded = await this.run(() => loadTicket(this.api, id, this.open));
    if (!loaded) return;
    this.open = { ...loaded, viewers: [] };
    this.composer = null;
    this.form = null;
    this.#go('ticket');
    this.#unwatch?.();
    this.#unwatch = watchTicket(this.api, id, {
      onChange: (version) => {
        if (this.open && version > this.open.ticket.version) {
          void this.reload(`Ticket ${this.open.ticket.ref} changed`);
        }
      },
      onViewers: (names) => {
        if (this.open) this.open = { ...this.open, viewers: names };
      },
    });
  }

  /** Reads the open ticket again, keeping who else is on it. */
  async reload(announcement?: string): Promise<void> {
    const open = this.open;
    if (!open) return;
    const loaded = await this.run(() =>
      loadTicket(this.api, open.ticket.id, open),
    );
    if (!loaded || this.open?.ticket.id !== open.ticket.id) return;
    this.open = { ...loaded, viewers: this.open.viewers };
    if (announcement) this.announce(announcement);
  }

  /** Sends a lifecycle command on the open ticket; true once accepted. */
  command(command: Record<string, unknown>): Promise<boolean> {
    return actions.sendCommand(this, command);
  }

  /** Posts a reply or an internal note on the open ticket. */
  message(body: string, internal: boolean): Promise<boolean> {
    return actions.sendMessage(this, body, internal);
  }

  /**
   * Opens the dashboard over `period` (ISO instants; both left empty:
   * the whole log; no period: the last 12 weeks, see
   * `dashboardReport`), loading its chart code on first use.
   */
  async showDashboard(period?: { from?: string; to?: string }) {
    this.#unwatch?.();
    const loaded = await this.run(() =>
      Promise.all([
        dashboardReport(this.api, period, Date.now()),
        loadInsight(this.api),
      ]),
    );
    if (!loaded) return;
    [{ report: this.dashboard, period: this.period }, this.insight] = loaded;
    this.#go('dashboard');
  }

  /** Lists the possible incidents (`GET /alerts`). */
  async showAlerts(): Promise<void> {
    this.#unwatch?.();
    const alerts = await this.run(() => loadAlerts(this.api));
    if (alerts === undefined) return;
    this.alerts = alerts;
    this.#go('alerts');
    if (alerts) this.announce(alertCount(alerts.length));
  }

  #go(view: ConsoleView): void {
    this.view = view;
    this.#focusHeading = true;
  }

  /** @internal Dispatches a console event (see the class's `@fires`). */
  fire(type: string, detail: object): void {
    this.dispatchEvent(actions.consoleEvent(type, detail));
  }
}
