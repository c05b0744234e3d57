import { html, nothing } from 'lit';
import type { SlaExplanation } from './console-types.js';

const hours = (ms: number | null) =>
  ms === null ? '–' : `${(ms / 3_600_000).toFixed(1)} h`;

/**
 * The SLA clocks of a ticket from `GET /tickets/:id/sla` (the desk's
 * `explain()`): each target's state, business time used and left, and
 * the timeline behind its deadline, folded away.
 */
export function renderSla(sla: SlaExplanation | null) {
  if (!sla) {
    return html`<section aria-labelledby="sla-heading">
      <h3 id="sla-heading">SLA</h3>
      <p class="muted">This ticket runs under no SLA.</p>
    </section>`;
  }
  return html`<section aria-labelledby="sla-heading">
    <h3 id="sla-heading">SLA: ${sla.policy.name ?? sla.policy.id}</h3>
    <p>
      Priority ${sla.priority}, calendar ${sla.calendar.name ?? sla.calendar.id}
      (${sla.calendar.timeZone})${sla.paused ? ', paused' : ''}.
    </p>
    <ul>
      ${sla.clocks.map(
        (c) => html`<li>
          <strong>${c.target}</strong>: ${c.state}; used ${hours(c.elapsedMs)},
          left ${hours(c.remainingMs)}${c.overdueMs ? `, overdue ${hours(c.overdueMs)}` : ''}
          ${c.dueAt ? html`; due <time datetime=${c.dueAt}>${new Date(c.dueAt).toLocaleString()}</time>` : nothing}
          <details>
            <summary>Explain</summary>
            <ol>
              ${c.timeline.map(
                (e) =>
                  html`<li>${e.type} ${'from' in e ? e.from : ''} → ${'to' in e ? (e.to ?? 'now') : ''}</li>`,
              )}
            </ol>
          </details>
        </li>`,
      )}
    </ul>
  </section>`;
}
