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

/** The dashboard view: the charts once their chunk is in. */
export function renderDashboardView(host: TicketConsole): TemplateResult {
  const report = host.dashboard as MetricsReport | null;
  if (!loaded) {
    void loadDashboard().then(() => host.requestUpdate());
  }
  return html`<section aria-labelledby="dashboard-heading">
    <h2 id="dashboard-heading" tabindex="-1">Dashboard</h2>
    ${
      loaded && report
        ? loaded.renderDashboard({ html, svg, nothing }, report)
        : html`<p role="status">Loading the charts…</p>`
    }
  </section>`;
}
