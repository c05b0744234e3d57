import { html, nothing, svg, type TemplateResult } from 'lit';
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
  </form>`;
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
        ? loaded.renderDashboard({ html, svg, nothing }, report, host.insight)
        : html`<p role="status">Loading the charts…</p>`
    }
  </section>`;
}
