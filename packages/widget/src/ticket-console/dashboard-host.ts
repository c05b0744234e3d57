import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ConsoleApi } from './console-api.js';
import type { MetricsReport } from './console-types.js';
import type { TicketConsole } from './ticket-console.js';

type DashboardModule = typeof import('./dashboard/dashboard.js');

let loaded: DashboardModule | null = null;
let loading: Promise<DashboardModule> | null = null;

/**
 * Loads the dashboard's chart code on first use: a chunk of its own
 * (`ticket-console-dashboard.js` in the bundle), so neither the queue
 * nor the requester widget carries it. Lit comes in as an argument, so
 * the chunk shares nothing with the console file.
 */
export function loadDashboard(): Promise<DashboardModule> {
  loading ??= import('./dashboard/dashboard.js').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/** Weeks the dashboard shows when it opens. */
export const DEFAULT_WEEKS = 12;

const DAY = 86_400_000;

/**
 * The dashboard's period (ISO instants, `to` not included) and where it
 * came from: the agent `chosen`, the last weeks to today (`recent`), or
 * the last weeks of a stored history when nothing happened lately.
 */
export interface DashboardPeriod {
  from?: string;
  to?: string;
  basis: 'chosen' | 'recent' | 'history';
}

/** The `weeks` up to the end of the UTC day holding `ms`. */
export function weeksUpTo(ms: number, weeks = DEFAULT_WEEKS) {
  const to = Math.floor(ms / DAY) * DAY + DAY;
  const iso = (at: number) => new Date(at).toISOString();
  return { from: iso(to - weeks * 7 * DAY), to: iso(to) };
}

/** No ticket opened or resolved on any day of the report. */
const quiet = (report: MetricsReport) =>
  report.volume.day.every((d) => !d.created && !d.resolved);

/**
 * The report the dashboard draws: over `period` when the agent chose
 * one (both ends empty: the whole log); by default the last 12 weeks to
 * today, or, when nothing happened in them, the 12 weeks up to the
 * newest stored ticket (a replayed history), `basis: 'history'`.
 */
export async function dashboardReport(
  api: ConsoleApi,
  period: { from?: string; to?: string } | undefined,
  nowMs: number,
): Promise<{ report: MetricsReport; period: DashboardPeriod }> {
  const metrics = async (p: { from?: string; to?: string }) =>
    (await api.metrics(p)) as MetricsReport;
  if (period) {
    return {
      report: await metrics(period),
      period: { ...period, basis: 'chosen' },
    };
  }
  const recent = weeksUpTo(nowMs);
  const report = await metrics(recent);
  // The newest ticket of any status: where a stored history ends.
  const newest = quiet(report)
    ? await api.list({ sort: '-createdAt', limit: '1' })
    : null;
  const at = Date.parse(String(newest?.items[0]?.createdAt));
  if (!(at < Date.parse(recent.from))) {
    return { report, period: { ...recent, basis: 'recent' } };
  }
  const old = weeksUpTo(at);
  return { report: await metrics(old), period: { ...old, basis: 'history' } };
}

/** What the period is, and why, above the charts. */
function periodNote(host: TicketConsole) {
  const p = host.period;
  if (p?.basis === 'history' && p.to) {
    const last = new Date(Date.parse(p.to) - DAY).toISOString().slice(0, 10);
    return html`<p class="notice" role="note">
      No ticket was opened or resolved in the last ${DEFAULT_WEEKS} weeks:
      this is the last ${DEFAULT_WEEKS} weeks of the stored history, up to
      ${last}, the day of its newest ticket.
    </p>`;
  }
  if (p?.basis === 'recent') {
    return html`<p class="muted">The last ${DEFAULT_WEEKS} weeks, by default.</p>`;
  }
  return nothing;
}

function periodForm(host: TicketConsole, report: MetricsReport | null) {
  const day = (iso?: string) => iso?.slice(0, 10) ?? '';
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const at = (name: string) => {
      const value = String(data.get(name) ?? '');
      return value ? `${value}T00:00:00Z` : undefined;
    };
    void host.showDashboard({ from: at('from'), to: at('to') });
  };
  return html`<form class="row" aria-label="Period" @submit=${submit}>
    <div class="field">
      <label for="from">From</label>
      <input id="from" name="from" type="date" .value=${day(report?.period.from)} />
    </div>
    <div class="field">
      <label for="to">Until (not included)</label>
      <input id="to" name="to" type="date" .value=${day(report?.period.to)} />
    </div>
    <button type="submit">Show</button>
    <p class="muted">Both empty: the whole log.</p>
  </form>
  ${periodNote(host)}`;
}

/** The dashboard view: the charts once their chunk is in. */
export function renderDashboardView(host: TicketConsole): TemplateResult {
  const report = host.dashboard as MetricsReport | null;
  if (!loaded) {
    void loadDashboard().then(() => host.requestUpdate());
  }
  return html`<section aria-labelledby="dashboard-heading">
    <h2 id="dashboard-heading" tabindex="-1">Dashboard</h2>
    ${periodForm(host, report)}
    ${
      loaded && report
        ? loaded.renderDashboard(
            { html, svg, nothing },
            report,
            host.insight,
            (id) => host.openTicket(id),
            () => host.showAlerts(),
          )
        : html`<p role="status">Loading the charts…</p>`
    }
  </section>`;
}
