import type { MetricsReport } from '../console-types.js';
import type { Insight } from '../insight.js';
import { dashboardData } from './chart-data.js';
import { barChart, dataTable, type LitTags, lineChart } from './charts.js';
import { type OpenTicket, renderInsight } from './predict-charts.js';

export { dashboardData } from './chart-data.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The dashboard: volume over time, backlog by age, resolution time,
 * SLA attainment by priority and satisfaction, from one metrics report;
 * with `insight`, the volume forecast, the deflection rate (over the
 * tickets opened in the report's period) and the tickets most at risk,
 * each opening its ticket through `open`, and the count of possible
 * incidents (`showAlerts` lists them). Loaded on demand by the
 * console; Lit's tags come in as `lit`.
 */
export function renderDashboard(
  lit: LitTags,
  report: MetricsReport,
  insight: Insight | null = null,
  open: OpenTicket | null = null,
  showAlerts: (() => void) | null = null,
) {
  const { html } = lit;
  const d = dashboardData(report);
  const s = d.summary;
  const percent = (v: number | null) => (v === null ? '–' : `${v}%`);
  const sla = d.slaByPriority.filter((r) => r.target === 'resolution');
  return html`<p class="period">
      ${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}
      (${report.period.zone}): ${plural(s.created, 'ticket')} opened,
      ${s.resolved} resolved in the period, ${s.backlog} open at its end,
      satisfaction ${s.average ?? '–'} / 5.
    </p>
    <div class="charts">
      ${insight ? renderInsight(lit, insight, s.created, open, showAlerts) : lit.nothing}
      ${lineChart(
        lit,
        'volume',
        'Tickets per week',
        d.volume.map((v) => ({ label: v.label, a: v.created, b: v.resolved })),
        ['created', 'resolved'],
        `${d.volume.length} weeks; at most ${Math.max(0, ...d.volume.map((v) => v.created))} created in a week.`,
      )}
      ${barChart(lit, 'backlog-age', 'Open tickets by age', d.backlogAge, `${s.backlog} tickets open.`)}
      ${barChart(
        lit,
        'resolution',
        'Resolution time (calendar hours)',
        d.resolution,
        `Median ${d.resolution[0]?.value} h, 90th percentile ${d.resolution[1]?.value} h.`,
      )}
      ${
        sla.length
          ? barChart(
              lit,
              'sla',
              'Resolution SLA met by priority (%)',
              sla.map((r) => ({ label: r.key, value: r.percent ?? 0 })),
              sla.map((r) => `${r.key} ${percent(r.percent)}`).join(', '),
            )
          : html`<figure class="chart" data-chart="sla">
              <figcaption>Resolution SLA met by priority</figcaption>
              <p>No SLA target was decided in this period.</p>
            </figure>`
      }
      ${barChart(
        lit,
        'satisfaction',
        'Satisfaction ratings',
        d.satisfaction,
        `Average ${s.average ?? '–'} of 5 over ${d.satisfaction.reduce((n, x) => n + x.value, 0)} ratings.`,
      )}
    </div>
    ${dataTable(
      lit,
      'SLA attainment by priority',
      ['target', 'priority', 'met', 'missed', 'share'],
      d.slaByPriority.map((r) => [
        r.target,
        r.key,
        r.met,
        r.missed,
        percent(r.percent),
      ]),
    )}`;
}
