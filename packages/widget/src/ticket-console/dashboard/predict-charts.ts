import type { Forecast, ForecastDay, TicketRisk } from '../console-api.js';
import type { Insight } from '../insight.js';
import { alertsFigure } from './alerts-figure.js';
import { dataTable, type LitTags, SERIES } from './charts.js';

/** Opens a ticket in the console (the at-risk rows' buttons). */
export type OpenTicket = (ticketId: string) => void;

const W = 480;
const H = 200;
const PAD = 28;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The day the server made its predictions as of, when that is the end
 * of an old stored history (`basis: 'history'`) rather than now; null
 * otherwise, and from servers that do not say.
 */
export function historyEnd(forecast: Forecast | null): string | null {
  const f = forecast as (Forecast & { asOf?: unknown; basis?: unknown }) | null;
  return f?.basis === 'history' && typeof f.asOf === 'string'
    ? f.asOf.slice(0, 10)
    : null;
}

/** The band's fill: the series colour, lightened (the line keeps its contrast). */
const BAND = '#c6dcf7';

/** Expected tickets per day as an SVG polyline, the 80% band as an area. */
function forecastPaths(days: ForecastDay[]) {
  const top = Math.max(1, ...days.map((d) => d.high));
  const x = (i: number) =>
    PAD + (i * (W - 2 * PAD)) / Math.max(1, days.length - 1);
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * v) / top;
  const at = (i: number, v: number) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  const upper = days.map((d, i) => at(i, d.high));
  const lower = days.map((d, i) => at(i, d.low)).reverse();
  return {
    top,
    band: [...upper, ...lower].join(' '),
    line: days.map((d, i) => at(i, d.expected)).join(' '),
  };
}

/**
 * The volume forecast of the next days: the expected count as a line
 * over its 80% prediction interval (a shaded area), with a table of
 * the same figures.
 */
export function forecastChart(
  lit: LitTags,
  days: ForecastDay[],
  asOf: string | null = null,
) {
  const { html, svg, nothing } = lit;
  const title = asOf
    ? `Forecast: tickets per day, ${days.length} days from ${asOf}`
    : `Forecast: tickets per day, next ${days.length} days`;
  const note = asOf
    ? html`<p class="note">
        Made as of ${asOf}, the end of the stored history: the last four
        weeks hold too few tickets to forecast from.
      </p>`
    : nothing;
  if (!days.length) {
    return html`<figure class="chart" data-chart="forecast">
      <figcaption>${title}</figcaption>
      <p>No forecast yet: no tickets arrived in the last 16 weeks.</p>
    </figure>`;
  }
  const p = forecastPaths(days);
  const total = days.reduce((n, d) => n + d.expected, 0);
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  return html`<figure class="chart" data-chart="forecast">
    <figcaption id="forecast-title">
      ${title}:
      <span class="series-0">━ expected</span>,
      shaded: 80% interval
    </figcaption>
    ${note}
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="forecast-title forecast-desc">
      <desc id="forecast-desc">
        ${first} to ${last}: about ${Math.round(total)} tickets in all,
        at most ${Math.max(...days.map((d) => d.high))} on a day at the top of the interval.
      </desc>
      <polyline class="band" points=${p.band} fill=${BAND} stroke="none"></polyline>
      <polyline points=${p.line} fill="none" stroke=${SERIES[0]} stroke-width="2"></polyline>
      ${svg`<text x=${PAD} y=${H - 6}>${first}</text>
        <text x=${W - PAD} y=${H - 6} text-anchor="end">${last}</text>
        <text x=${4} y=${PAD - 8}>${p.top}</text>`}
    </svg>
    ${dataTable(
      lit,
      'Forecast per day',
      ['day', 'expected', '80% low', '80% high'],
      days.map((d) => [d.date, d.expected, d.low, d.high]),
    )}
  </figure>`;
}

/**
 * Deflections against tickets: the share of requests a suggested
 * article solved before a ticket was opened. `tickets` are the tickets
 * opened in the dashboard's period; the server counts deflections in
 * total only, and records them only from when its knowledge base runs
 * (never in replayed history).
 */
export function deflectionFigure(
  lit: LitTags,
  deflections: number,
  tickets: number,
) {
  const { html } = lit;
  const asked = deflections + tickets;
  const rate = asked ? percent(deflections / asked) : '–';
  return html`<figure class="chart" data-chart="deflection">
    <figcaption>Deflection rate</figcaption>
    <p class="figure"><strong>${rate}</strong></p>
    <p>
      ${deflections} ${deflections === 1 ? 'request' : 'requests'} solved
      by an article (recorded to date), ${tickets}
      ${tickets === 1 ? 'ticket' : 'tickets'} opened in the period:
      deflections ÷ (deflections + tickets).
    </p>
  </figure>`;
}

/** A risk row's ticket: a button that opens it, or its reference as text. */
function ticketCell(lit: LitTags, r: TicketRisk, open: OpenTicket | null) {
  const ref = r.ref ?? r.ticketId;
  if (!open) return ref;
  return lit.html`<button type="button" class="open" @click=${() => open(r.ticketId)}>${ref}</button>`;
}

/**
 * The riskiest open tickets with their probability of missing the SLA;
 * each reference opens its ticket through `open`. The table scrolls
 * in a focusable region of its own on a narrow screen.
 */
export function atRiskList(
  lit: LitTags,
  risks: TicketRisk[],
  asOf: string | null = null,
  open: OpenTicket | null = null,
) {
  const { html, nothing } = lit;
  return html`<figure class="chart" data-chart="at-risk">
    <figcaption id="at-risk-title">Open tickets most at risk of missing their SLA</figcaption>
    ${
      asOf
        ? html`<p class="note">
            Tickets open on ${asOf}, the end of the stored history, as
            known then; tickets opened since, as of now.
          </p>`
        : nothing
    }
    ${
      risks.length
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="at-risk-title">
          <table aria-labelledby="at-risk-title">
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Subject</th>
                <th scope="col">Breach risk</th>
                <th scope="col">Priority</th>
                <th scope="col">Age (hours)</th>
              </tr>
            </thead>
            <tbody>
              ${risks.map(
                (r) => html`<tr data-id=${r.ticketId}>
                  <td>${ticketCell(lit, r, open)}</td>
                  <td>${r.subject ?? '–'}</td>
                  <td>${percent(r.risk)}</td>
                  <td>${r.priority ?? '–'}</td>
                  <td>${r.ageHours ?? '–'}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p>No open ticket is scored yet (the risk model trains on resolved history).</p>`
    }
  </figure>`;
}

/**
 * The predictions part of the dashboard; nothing of what the server
 * does not serve. `tickets`: those opened in the dashboard's period;
 * `showAlerts` opens the alerts view.
 */
export function renderInsight(
  lit: LitTags,
  insight: Insight,
  tickets: number,
  open: OpenTicket | null = null,
  showAlerts: (() => void) | null = null,
) {
  const { html, nothing } = lit;
  const asOf = historyEnd(insight.forecast);
  return html`${insight.alerts ? alertsFigure(lit, insight.alerts, showAlerts) : nothing}
  ${
    insight.forecast
      ? forecastChart(lit, insight.forecast.series[0]?.days ?? [], asOf)
      : nothing
  }
  ${insight.deflections === null ? nothing : deflectionFigure(lit, insight.deflections, tickets)}
  ${insight.atRisk ? atRiskList(lit, insight.atRisk, asOf, open) : nothing}`;
}
